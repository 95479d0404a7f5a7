# One command each to install, run, test and lint. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
INSTALLED := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install run test lint format migrate demo messages audit bench

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@

install: $(INSTALLED) ## Create .venv and install the project with its dev tools

migrate: $(INSTALLED) ## Apply database migrations
	$(BIN)/python manage.py migrate --no-input

demo: migrate ## Load the demo content (safe to repeat)
	$(BIN)/python manage.py load_demo_content

run: demo ## Install, migrate, load demo content and serve on http://127.0.0.1:$(PORT)
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: $(INSTALLED) ## Run the whole test suite (DATABASE_URL picks PostgreSQL)
	bin/install-system-packages
	$(BIN)/pytest

lint: $(INSTALLED) ## Check code style with ruff
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED) ## Rewrite code in ruff's format
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

APPS := home news documents units feedback search editorial operations

messages: $(INSTALLED) ## Update the Vietnamese catalogues from the source and compile them (needs gettext)
	-$(BIN)/python bin/update-thirdparty-catalogue
	@for app in $(APPS); do (cd $$app && ../$(BIN)/python ../manage.py makemessages -l vi --no-obsolete); done
	$(BIN)/python manage.py makemessages -l vi --no-obsolete $(foreach app,$(APPS),-i "$(app)/*") -i ".venv/*" -i "var/*" -i "tests/*"
	$(BIN)/python manage.py compilemessages -l vi -i .venv -i var

audit: $(INSTALLED) ## Lighthouse (mobile) on the demo site; reports in var/audit/ (needs npm, chromium)
	PYTHON=$(BIN)/python bin/audit

ARTICLES ?= 200
bench: $(INSTALLED) ## Measure req/s and p50/p99 under gunicorn and nginx (needs wrk, nginx); ARTICLES=N, BENCH_DATABASE_URL, BENCH_REDIS_URL
	bin/bench --articles $(ARTICLES)
