"""Store every text in Unicode NFC, whichever form it was typed or pasted in."""

import json
import unicodedata

from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver
from wagtail.fields import StreamField

from .text import to_nfc, to_nfc_deep


def normalize_stream_value(field, value):
    """Return the StreamField ``value`` rebuilt from NFC data, or as it is when already NFC."""
    raw = field.get_prep_value(value)
    if raw is None or unicodedata.is_normalized("NFC", json.dumps(raw, ensure_ascii=False)):
        return value
    return field.to_python(json.dumps(to_nfc_deep(raw)))


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
