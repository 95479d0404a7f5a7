"""backup_site and restore_site: a demo site restored into a fresh database and storage."""

import datetime
import io
import json
import os
import stat
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from operations.backup import archive_name, plan_retention

from .fingerprint import site_fingerprint

BASE_DIR = Path(__file__).resolve().parents[2]

PRINT_FINGERPRINT = (
    "import json; from operations.tests.fingerprint import site_fingerprint; "
    "print(json.dumps(site_fingerprint()))"
)


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def fresh_database_url():
    """Return the URL of a new, empty database of the same engine as the test database."""
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        yield None
        return
    name = f"{settings_dict['NAME']}_restore"
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or "5432"
    user = settings_dict.get("USER") or "root"
    admin = [
        "psql",
        "--host",
        host,
        "--port",
        str(port),
        "--username",
        user,
        "--dbname",
        "postgres",
    ]
    subprocess.run([*admin, "-c", f'DROP DATABASE IF EXISTS "{name}"'], check=True)
    subprocess.run([*admin, "-c", f'CREATE DATABASE "{name}"'], check=True)
    yield f"postgres://{user}@{host}:{port}/{name}"
    subprocess.run([*admin, "-c", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'], check=True)


def restored_env(tmp_path, database_url):
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    var_dir = tmp_path / "restored"
    env.update(
        DJANGO_SETTINGS_MODULE="muongte.settings.dev",
        MUONGTE_VAR_DIR=str(var_dir),
        DATABASE_URL=database_url or f"sqlite:///{var_dir / 'db.sqlite3'}",
    )
    return env


def run_manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_demo_site_restores_exactly(tmp_path, media_root, fresh_database_url):
    call_command("load_demo_content", verbosity=0)
    original = site_fingerprint()
    assert original["pages"] and original["revisions"]
    assert original["documents"] and original["images"]

    call_command("backup_site", output_dir=tmp_path / "backups", verbosity=0)
    [archive] = list((tmp_path / "backups").glob("*.tar.gz"))
    env = restored_env(tmp_path, fresh_database_url)
    restore = run_manage(env, "restore_site", str(archive))
    assert restore.returncode == 0, restore.stderr
    assert "Đã khôi phục" in restore.stdout

    printed = run_manage(env, "shell", "-c", PRINT_FINGERPRINT)
    assert printed.returncode == 0, printed.stderr
    restored = json.loads(printed.stdout.strip().splitlines()[-1])
    for key in ("pages", "revisions", "documents", "images", "form_submissions"):
        assert restored[key] == json.loads(json.dumps(original[key])), key
    for key in ("workflow_states", "task_states", "row_counts"):
        assert restored[key] == json.loads(json.dumps(original[key])), key


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_refuses_non_empty_database(tmp_path, media_root):
    call_command("load_demo_content", "--no-board", verbosity=0)
    call_command("backup_site", output_dir=tmp_path / "backups", verbosity=0)
    [archive] = list((tmp_path / "backups").glob("*.tar.gz"))

    with pytest.raises(CommandError, match="Cơ sở dữ liệu đích không trống"):
        call_command("restore_site", str(archive))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_damaged_archive_is_refused(tmp_path, media_root, fresh_database_url):
    (media_root / "documents").mkdir(parents=True)
    (media_root / "documents" / "quyet-dinh.txt").write_text("Quyết định số 12/QĐ-UBND")
    call_command("backup_site", output_dir=tmp_path / "backups", verbosity=0)
    [archive] = list((tmp_path / "backups").glob("*.tar.gz"))
    damaged = tmp_path / archive.name
    with tarfile.open(archive, "r:gz") as source, tarfile.open(damaged, "w:gz") as target:
        for member in source:
            data = source.extractfile(member)
            if member.name == "media/documents/quyet-dinh.txt":
                content = b"Quyet dinh da bi sua"
                member.size = len(content)
                data = io.BytesIO(content)
            target.addfile(member, data)

    result = run_manage(restored_env(tmp_path, fresh_database_url), "restore_site", str(damaged))

    assert result.returncode != 0
    assert "Sai tổng kiểm tra của media/documents/quyet-dinh.txt" in result.stderr
    assert not (tmp_path / "restored" / "media" / "documents").exists()


def test_failed_backup_exits_with_reason(tmp_path):
    blocked = tmp_path / "khong-ghi-duoc"
    blocked.write_text("một tệp, không phải thư mục")

    result = run_manage(
        {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "muongte.settings.dev",
            "MUONGTE_VAR_DIR": str(tmp_path),
        },
        "backup_site",
        "--output-dir",
        str(blocked),
    )

    assert result.returncode != 0
    assert "Sao lưu thất bại" in result.stderr
    assert str(blocked) in result.stderr


def backup_paths(folder, moments):
    return [folder / archive_name(moment) for moment in moments]


def test_retention_keeps_weekly_and_monthly(tmp_path):
    start = datetime.datetime(2026, 1, 5, 1, 0, tzinfo=datetime.UTC)  # a Monday
    moments = [start + datetime.timedelta(days=day) for day in range(0, 120, 3)]
    paths = backup_paths(tmp_path, moments)
    (tmp_path / "ghi-chu.txt").touch()

    plan = plan_retention([*paths, tmp_path / "ghi-chu.txt"], keep_weekly=4, keep_monthly=3)

    assert paths[-1] in plan.keep
    newest_per_week = {}
    for moment, path in zip(moments, paths, strict=True):
        newest_per_week[moment.isocalendar()[:2]] = path
    for week in sorted(newest_per_week)[-4:]:
        assert newest_per_week[week] in plan.keep, week
    newest_per_month = {}
    for moment, path in zip(moments, paths, strict=True):
        newest_per_month[(moment.year, moment.month)] = path
    for month in sorted(newest_per_month)[-3:]:
        assert newest_per_month[month] in plan.keep, month
    assert len(plan.keep) <= 4 + 3
    assert set(plan.keep) | set(plan.delete) == set(paths)
    assert tmp_path / "ghi-chu.txt" not in plan.delete


def test_backup_site_applies_retention(tmp_path, settings, media_root, db):
    folder = tmp_path / "backups"
    folder.mkdir()
    old = backup_paths(
        folder,
        [datetime.datetime(2025, month, 1, tzinfo=datetime.UTC) for month in range(1, 7)],
    )
    for path in old:
        path.write_bytes(b"")

    call_command("backup_site", output_dir=folder, keep_weekly=1, keep_monthly=2, verbosity=0)

    remaining = sorted(path.name for path in folder.iterdir())
    assert len(remaining) == 2
    assert remaining[0] == old[-1].name
    assert remaining[1] > old[-1].name


def test_backup_archive_readable_by_owner_only(tmp_path, media_root, db):
    folder = tmp_path / "backups"

    call_command("backup_site", output_dir=folder, verbosity=0)

    (archive,) = folder.iterdir()
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
