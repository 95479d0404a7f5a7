"""Model-level upload guards: no document or image file is stored without the upload checks.

The admin forms give the same checks with a message beside the field; these guards catch
every other way a file enters (code, management commands, imports). A rejected file
raises ValidationError before the storage writes anything.
"""

import logging

from django.core.files.base import ContentFile
from django.db.models.signals import pre_save

from .models import UploadSettings
from .uploads import check_document_file, check_image_header, clean_image_metadata

logger = logging.getLogger(__name__)


def is_new_file(field_file):
    # NOTE: code that calls ``FieldFile.save()`` writes the file to storage before the model
    # is saved, so such a file arrives committed and these guards do not see it.
    return bool(field_file) and not getattr(field_file, "_committed", True)


def guard_document_upload(sender, instance, raw=False, **kwargs):
    if raw or not is_new_file(instance.file):
        return
    safe_name = check_document_file(instance.file, instance.file.name, UploadSettings.load())
    instance.file.name = safe_name
    # Wagtail's forms set the size and hash; files saved from code get them here.
    instance._set_document_file_metadata()


def guard_image_upload(sender, instance, raw=False, **kwargs):
    if raw or not is_new_file(instance.file):
        return
    check_image_header(instance.file, UploadSettings.load())
    cleaned = clean_image_metadata(instance.file)
    if cleaned is None:
        return
    name = instance.file.name
    instance.file = ContentFile(cleaned, name=name)
    instance._set_image_file_metadata()
    logger.info("Applied the EXIF orientation and removed location data from image %s", name)


def connect_upload_guards():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    pre_save.connect(
        guard_document_upload, sender=get_document_model(), dispatch_uid="documents_guard_docs"
    )
    pre_save.connect(
        guard_image_upload, sender=get_image_model(), dispatch_uid="documents_guard_images"
    )
