"""Base forms for Wagtail's document and image forms, which every upload view builds on.

Wagtail builds the forms of its add, edit, multiple-upload and chooser-upload views (and
of its upload API) from the classes named by WAGTAILDOCS_DOCUMENT_FORM_BASE and
WAGTAILIMAGES_IMAGE_FORM_BASE, so the checks here apply wherever a file enters.
"""

from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from .models import UploadSettings
from .uploads import check_document_file


class SafeDocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.limits = UploadSettings.load()
        field = self.fields.get("file")
        if field is not None:
            allowed = self.limits.allowed_extensions()
            field.help_text = _("Accepted types: %(types)s. Maximum size: %(limit)s.") % {
                "types": ", ".join(extension.upper() for extension in allowed),
                "limit": filesizeformat(self.limits.max_document_bytes),
            }
            field.widget.attrs["accept"] = ",".join(f".{extension}" for extension in allowed)

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            file.name = check_document_file(file, file.name, self.limits)
        return file


class SafeImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.limits = UploadSettings.load()
        field = self.fields.get("file")
        if field is not None:
            # Wagtail's image field reads these limits; they come from the upload settings
            # that administrators edit instead of from the Django settings.
            field.max_upload_size = self.limits.max_image_bytes
            field.max_upload_size_text = filesizeformat(self.limits.max_image_bytes)
            field.max_image_pixels = self.limits.max_image_pixels
            field.help_text = _(
                "Accepted formats: %(formats)s. Maximum size: %(limit)s, %(megapixels)s million pixels."
            ) % {
                "formats": field.supported_formats_text,
                "limit": field.max_upload_size_text,
                "megapixels": self.limits.max_image_megapixels,
            }
            field.error_messages.update(
                {
                    "file_too_large": _(
                        "The file is too large (%(file_size)s). The maximum size is %(max_filesize)s."
                    ),
                    "file_too_many_pixels": _(
                        "The image has too many pixels (%(num_pixels)s). The maximum is "
                        "%(max_pixels_count)s pixels."
                    ),
                    "invalid_image_known_format": _(
                        "The file is not a valid .%(extension)s image: its content is in the "
                        "%(image_format)s format."
                    ),
                }
            )
