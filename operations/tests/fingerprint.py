"""A comparable summary of the site's content, used to check that a restore is exact."""

import hashlib
import json

from django.apps import apps
from django.core.files.storage import default_storage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, TaskState, WorkflowState


def file_sha256(name):
    with default_storage.open(name, "rb") as stored:
        return hashlib.sha256(stored.read()).hexdigest()


def json_sha256(value):
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def site_fingerprint():
    """Return pages, revisions, documents, images, submissions and row counts as plain data."""
    from wagtail.contrib.forms.models import FormSubmission

    return {
        "pages": [
            [page.pk, page.path, page.title, page.slug, page.content_type.model, page.live]
            for page in Page.objects.order_by("path").select_related("content_type")
        ],
        "revisions": [
            [
                revision.pk,
                revision.object_id,
                str(revision.created_at),
                json_sha256(revision.content),
            ]
            for revision in Revision.objects.order_by("pk")
        ],
        "documents": [
            [document.pk, document.title, document.file.name, file_sha256(document.file.name)]
            for document in get_document_model().objects.order_by("pk")
        ],
        "images": [
            [
                image.pk,
                image.title,
                image.file.name,
                image.width,
                image.height,
                file_sha256(image.file.name),
            ]
            for image in get_image_model().objects.order_by("pk")
        ],
        "form_submissions": [
            [submission.pk, submission.page_id, json_sha256(submission.form_data)]
            for submission in FormSubmission.objects.order_by("pk")
        ],
        "workflow_states": [
            [state.pk, state.status, state.base_content_type_id, state.object_id]
            for state in WorkflowState.objects.order_by("pk")
        ],
        "task_states": [[state.pk, state.status] for state in TaskState.objects.order_by("pk")],
        "row_counts": {
            model._meta.label: model._default_manager.count()
            for model in apps.get_models()
            if model._meta.managed and not model._meta.proxy
        },
    }
