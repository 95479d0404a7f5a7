"""Admin views: upload a Word file, preview the article, then create the draft."""

import logging

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .drafts import create_draft_article, import_word_file, importable_sections
from .errors import WordImportError
from .forms import WordUploadForm
from .pending import discard_pending, get_pending, store_pending

logger = logging.getLogger(__name__)


class WordImportViewMixin(WagtailAdminTemplateMixin):
    page_title = _("Import from Word file")
    header_icon = "doc-full-inverse"

    def dispatch(self, request, *args, **kwargs):
        self.sections = importable_sections(request.user)
        if not self.sections:
            raise PermissionDenied(gettext("You may not add articles to any section."))
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class UploadView(WordImportViewMixin, FormView):
    """Show the upload form; on a valid upload, render the preview of the article."""

    template_name = "editorial/word_import/upload.html"
    form_class = WordUploadForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "sections": self.sections}

    def form_valid(self, form):
        uploaded = form.cleaned_data["file"]
        section = form.cleaned_data["section"]
        data = uploaded.read()
        try:
            article = import_word_file(data)
        except WordImportError as error:
            logger.info("Word file rejected for user %s: %s", self.request.user.pk, error.message)
            form.add_error("file", error.message)
            return self.form_invalid(form)
        token = store_pending(self.request, data, uploaded.name, section.pk)
        context = self.get_context_data(
            form=form,
            article=article,
            section=section,
            filename=uploaded.name,
            create_url=reverse("editorial_word_import:create", args=[token]),
        )
        return self.response_class(
            request=self.request,
            template=["editorial/word_import/preview.html"],
            context=context,
            using=self.template_engine,
        )


class CreateDraftView(WordImportViewMixin, View):
    """Create the draft from the previewed file, or cancel the import."""

    def post(self, request, token):
        upload_url = reverse("editorial_word_import:upload")
        pending = get_pending(request, token)
        if pending is None:
            messages.error(request, gettext("The uploaded file has expired. Upload it again."))
            return redirect(upload_url)
        data, filename, section_id = pending
        if "cancel" in request.POST:
            discard_pending(request, token)
            messages.success(
                request, gettext("The import of “%(file)s” was cancelled.") % {"file": filename}
            )
            return redirect(upload_url)

        section = next((section for section in self.sections if section.pk == section_id), None)
        if section is None:
            discard_pending(request, token)
            raise PermissionDenied(gettext("You may not add articles to this section."))
        try:
            article = import_word_file(data)
            page = create_draft_article(article, section, request.user)
        except WordImportError as error:
            logger.info("Word file rejected for user %s: %s", request.user.pk, error.message)
            discard_pending(request, token)
            messages.error(request, error.message)
            return redirect(upload_url)
        discard_pending(request, token)

        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        messages.success(
            request,
            gettext(
                "The draft article “%(title)s” was created. Check it, then submit it for moderation."
            )
            % {"title": page.title},
            buttons=[messages.button(edit_url, pgettext("word import", "Edit"))],
        )
        if article.skipped_images:
            messages.warning(
                request,
                gettext("Images not imported: %(images)s")
                % {
                    "images": "; ".join(
                        skipped_image_label(image) for image in article.skipped_images
                    )
                },
            )
        return redirect(edit_url)


def skipped_image_label(image):
    """ "Image 2 (image2.emf): the EMF format cannot be shown on the website"."""
    if image.name:
        return gettext("image %(number)s (%(name)s): %(reason)s") % {
            "number": image.number,
            "name": image.name,
            "reason": image.reason,
        }
    return gettext("image %(number)s: %(reason)s") % {
        "number": image.number,
        "reason": image.reason,
    }
