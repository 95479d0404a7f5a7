"""Read-only Wagtail API v2 for the provincial portal: pages, images and documents.

Pages: live, public and not confidential. Images and documents: only those that such a page
uses (featured image, images in the text, attached files), read from Wagtail's reference
index, and never from a collection with a view restriction.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, ReferenceIndex, get_page_models

from home.models import EditorialFlagsMixin


def exclude_confidential(queryset):
    """Return ``queryset`` of pages without the pages of any type marked confidential."""
    for model in get_page_models():
        if issubclass(model, EditorialFlagsMixin) and not model._meta.abstract:
            if model._meta.parents and any(
                issubclass(parent, EditorialFlagsMixin) for parent in model._meta.parents
            ):
                # A subclass of another flagged page type shares its parent's flag column.
                continue
            queryset = queryset.exclude(
                pk__in=model.objects.filter(is_confidential=True).values("pk")
            )
    return queryset


class JSONOnlyMixin:
    """Mixin that renders JSON only, because the browsable HTML view is English and uses inline styles."""

    renderer_classes = [JSONRenderer]


class PublicPagesAPIViewSet(JSONOnlyMixin, PagesAPIViewSet):
    def get_base_queryset(self):
        return exclude_confidential(super().get_base_queryset())


class UsedObjectsMixin:
    """Limit an API listing to the objects that live, public, non-confidential pages use."""

    def get_queryset(self):
        queryset = super().get_queryset()
        public_page_ids = (
            exclude_confidential(Page.objects.live().public())
            .annotate(pk_text=Cast("pk", CharField()))
            .values("pk_text")
        )
        used_ids = ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=public_page_ids,
            to_content_type=ContentType.objects.get_for_model(queryset.model),
        ).values("to_object_id")
        return queryset.annotate(pk_text=Cast("pk", CharField())).filter(pk_text__in=used_ids)


class PublicImagesAPIViewSet(JSONOnlyMixin, UsedObjectsMixin, ImagesAPIViewSet):
    pass


class PublicDocumentsAPIViewSet(JSONOnlyMixin, UsedObjectsMixin, DocumentsAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
