from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import LegalDocumentListingViewSet
from .downloads import reject_confidential_document
from .models import DocumentField, DocumentType, IssuingBody


class DocumentTypeViewSet(SnippetViewSet):
    model = DocumentType
    icon = "tag"
    search_fields = ["name"]


class IssuingBodyViewSet(SnippetViewSet):
    model = IssuingBody
    icon = "group"
    search_fields = ["name"]


class DocumentFieldViewSet(SnippetViewSet):
    model = DocumentField
    icon = "folder-open-inverse"
    search_fields = ["name"]


class LegalDocumentCataloguesGroup(SnippetViewSetGroup):
    items = (DocumentTypeViewSet, IssuingBodyViewSet, DocumentFieldViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = _("Document catalogues")
    menu_order = 300


register_snippet(LegalDocumentCataloguesGroup)


@hooks.register("register_admin_viewset")
def register_legal_document_listing():
    return LegalDocumentListingViewSet()


hooks.register("before_serve_document", reject_confidential_document)
