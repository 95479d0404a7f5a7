"""Many people sending the question form at the same moment: each question stored once."""

import contextlib
import threading

import pytest
from django.db import connection, connections
from django.test import Client

from feedback.models import FeedbackSettings, Question

from .helpers import question_data

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# SQLite's in-memory test database is shared between threads through table locks that fail at
# once instead of waiting. So on SQLite fewer threads start together and take turns to write,
# as SQLite's single writer makes them do. The checks are the same on both databases.
THREADS = {"postgresql": 50}
DEFAULT_THREADS = 8


def test_concurrent_submissions_stored_once(qa_page):
    threads_count = THREADS.get(connection.vendor, DEFAULT_THREADS)
    FeedbackSettings.for_site(qa_page.get_site())
    barrier = threading.Barrier(threads_count)
    writer = threading.Lock() if connection.vendor == "sqlite" else contextlib.nullcontext()
    statuses = []
    errors = []

    def submit(number):
        try:
            client = Client()
            data = question_data(
                subject=f"Câu hỏi số {number}", email=f"nguoi{number}@example.invalid"
            )
            barrier.wait(timeout=30)
            with writer:
                response = client.post(
                    qa_page.ask_url, data, REMOTE_ADDR=f"10.0.{number // 250}.{number % 250}"
                )
            statuses.append(response.status_code)
        except Exception as error:  # noqa: BLE001 (reported by the assertion below)
            errors.append(repr(error))
        finally:
            connections.close_all()

    workers = [threading.Thread(target=submit, args=(number,)) for number in range(threads_count)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)

    assert errors == []
    assert statuses == [302] * threads_count
    subjects = list(Question.objects.values_list("subject", flat=True))
    assert sorted(subjects) == sorted(f"Câu hỏi số {number}" for number in range(threads_count))
    references = set(Question.objects.values_list("reference", flat=True))
    assert len(references) == threads_count
