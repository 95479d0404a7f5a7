"""Store every text in Unicode NFC, whichever form it was typed or pasted in."""

import json
import unicodedata

from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail.fields import StreamField
from wagtail.models import Revision

from .text import to_nfc, to_nfc_deep


def normalize_stream_value(field, value):
    """Return the StreamField ``value`` rebuilt from NFC data, or as it is when already NFC."""
    raw = field.get_prep_value(value)
    if raw is None or unicodedata.is_normalized("NFC", json.dumps(raw, ensure_ascii=False)):
        return value
    return field.to_python(json.dumps(to_nfc_deep(raw)))


def normalize_revision_streams(revision):
    """Normalise the StreamField values in ``revision.content`` to NFC.

    Revisions hold each StreamField as a JSON string with ``\\u`` escapes (the format of
    ``StreamField.value_to_string``), which the plain JSONField pass cannot see into.
    NOTE: StreamFields inside child objects (inline panels) are not reached here.
    """
    model = revision.content_type.model_class()
    if model is None or not isinstance(revision.content, dict):
        return
    for field in model._meta.concrete_fields:
        value = revision.content.get(field.name)
        if not (isinstance(field, StreamField) and isinstance(value, str)):
            continue
        data = json.loads(value)
        if not unicodedata.is_normalized("NFC", json.dumps(data, ensure_ascii=False)):
            revision.content[field.name] = json.dumps(
                to_nfc_deep(data), cls=field.json_field.encoder
            )


@receiver(pre_save)
def normalize_text_fields(sender, instance, raw=False, **kwargs):
    """Normalise the text, JSON and StreamField values of any model to NFC before saving.

    Fixtures (``raw``) are loaded as they are, since they are dumps of data already stored.
    """
    if raw:
        return
    for field in sender._meta.concrete_fields:
        value = getattr(instance, field.attname, None)
        if value is None:
            continue
        if isinstance(field, StreamField):
            setattr(instance, field.attname, normalize_stream_value(field, value))
        elif isinstance(field, models.JSONField):
            setattr(instance, field.attname, to_nfc_deep(value))
        elif isinstance(field, models.CharField | models.TextField):
            setattr(instance, field.attname, to_nfc(value))
    if isinstance(instance, Revision):
        normalize_revision_streams(instance)
