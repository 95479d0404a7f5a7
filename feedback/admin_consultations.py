"""Moderation of comments on drafts, with CSV and XLSX export for the drafting unit."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from home.exports import SafeSpreadsheetExportMixin

from .consultations import ConsultationComment


class CommentIndexView(SafeSpreadsheetExportMixin, generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("page")


class CommentCreateView(generic.CreateView):
    """Comments arrive only through the consultation page."""

    def dispatch(self, request, *args, **kwargs):
        raise PermissionDenied


class CommentViewSet(ModelViewSet):
    model = ConsultationComment
    icon = "comment"
    menu_label = _("Comments on drafts")
    menu_order = 251
    add_to_admin_menu = True
    name = "feedback_comment"
    url_prefix = "gop-y-du-thao"
    index_view_class = CommentIndexView
    add_view_class = CommentCreateView
    list_display = ["page", "organisation", "clause", "status", "submitted_at"]
    list_filter = ["status", "page"]
    list_export = [
        "page",
        "full_name",
        "organisation",
        "email",
        "clause",
        "text",
        "status",
        "submitted_at",
    ]
    export_headings = {"page": _("Consultation")}
    export_filename = "gop-y-du-thao"
    search_fields = ["text", "organisation", "clause"]
    search_backend_name = None
    ordering = ["-submitted_at"]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("page", read_only=True),
                FieldPanel("full_name", read_only=True),
                FieldPanel("organisation", read_only=True),
                FieldPanel("email", read_only=True),
                FieldPanel("clause", read_only=True),
                FieldPanel("text", read_only=True),
                FieldPanel("submitted_at", read_only=True),
            ],
            heading=_("Comment"),
        ),
        FieldPanel("status"),
    ]
