"""Save an ``ImportedArticle`` as a draft ``news.ArticlePage`` with its images."""

import logging

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext
from wagtail.log_actions import log

from news.models import ArticlePage, SectionPage

from .converter import convert_document
from .images import get_import_collection, save_image
from .reading import open_word_document

logger = logging.getLogger(__name__)


class ImportPermissionDenied(PermissionDenied):
    """The user may not add articles to the chosen section."""


def can_import_into(section, user):
    """True when ``user`` may add an article under ``section`` (Wagtail page permissions)."""
    return (
        isinstance(section, SectionPage)
        and ArticlePage.can_create_at(section)
        and section.permissions_for_user(user).can_add_subpage()
    )


def importable_sections(user):
    """Return the sections where ``user`` may add an article, in tree order."""
    sections = SectionPage.objects.order_by("path")
    return [section for section in sections if can_import_into(section, user)]


def import_word_file(data):
    """Read the bytes of a Word file into an ``ImportedArticle``; raises ``WordImportError``."""
    return convert_document(open_word_document(data))


def create_draft_article(article, section, user):
    """Create a draft article owned by ``user`` under ``section`` and return it.

    The images go to the import collection, the page is never published, and a revision is
    saved so that the draft can be submitted to the workflow. Either everything is saved
    or nothing is: image files already written are deleted when a later step fails.
    """
    if not can_import_into(section, user):
        raise ImportPermissionDenied(
            gettext("You may not add articles to the section “%(section)s”.")
            % {"section": section.title}
        )
    saved_images = []
    try:
        with transaction.atomic():
            collection = get_import_collection()
            body = []
            for block_type, value in article.body:
                if block_type == "image":
                    image = save_image(value, image_title(article, value), user, collection)
                    saved_images.append(image)
                    value = {
                        "image": image,
                        "alt_text": value.alt_text,
                        "caption": value.caption,
                        "credit": "",
                    }
                body.append((block_type, value))
            page = ArticlePage(
                title=article.title,
                lead=article.lead,
                author=article.author[:255],
                source=article.source[:255],
                body=body,
                owner=user,
                live=False,
            )
            section.add_child(instance=page)
            # Like Wagtail's own "save draft", required fields such as the lead may still be
            # empty: they are checked when the draft is submitted to the workflow.
            revision = page.save_revision(user=user, log_action=False, clean=False)
            log(
                instance=page,
                action="wagtail.create",
                user=user,
                revision=revision,
                content_changed=True,
            )
    except Exception:
        for image in saved_images:
            image.file.storage.delete(image.file.name)
        raise
    logger.info(
        "Word file imported as draft page %s by user %s with %s images",
        page.pk,
        user.pk,
        len(saved_images),
    )
    return page


def image_title(article, image):
    """Return the title an imported image gets in the image library."""
    if image.caption:
        return image.caption
    return gettext("%(title)s (image %(number)s)") % {
        "title": article.title,
        "number": image.number,
    }
