"""Admin views: import procedures into a unit's list, and merge units."""

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import ProcedureImportForm, UnitMergeForm
from .merging import merge_units
from .models import ProcedureListPage
from .procedure_import import COLUMN_HEADERS, ProcedureImportError, import_procedures

logger = logging.getLogger(__name__)


class ProcedureImportView(WagtailAdminTemplateMixin, FormView):
    form_class = ProcedureImportForm
    template_name = "units/admin/procedure_import.html"
    page_title = gettext_lazy("Import procedures")
    header_icon = "upload"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(ProcedureListPage, pk=page_id)
        if not self.page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        self.import_errors = []
        return super().dispatch(request)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                "label": self.page.get_admin_display_title(),
            },
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = self.page
        context["import_errors"] = self.import_errors
        context["column_headers"] = COLUMN_HEADERS
        context["submit_button_label"] = _("Import")
        context["action_url"] = self.request.path
        return context

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            _revision, count = import_procedures(
                self.page,
                upload,
                upload.name,
                user=self.request.user,
                replace=form.cleaned_data["replace"],
            )
        except ProcedureImportError as error:
            self.import_errors = error.errors
            messages.error(
                self.request,
                _("Nothing was imported: correct the rows listed below and try again."),
            )
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(
            self.request,
            _(
                "%(count)d procedures were imported into a draft of “%(page)s”. Review the "
                "draft and submit it for moderation."
            )
            % {"count": count, "page": self.page.get_admin_display_title()},
        )
        return redirect("wagtailadmin_pages:edit", self.page.pk)


class UnitMergeView(WagtailAdminTemplateMixin, FormView):
    form_class = UnitMergeForm
    template_name = "units/admin/unit_merge.html"
    page_title = gettext_lazy("Merge units")
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        # Merging unpublishes pages and writes redirects across the site.
        if not request.user.has_perm("units.merge_units"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["submit_button_label"] = _("Merge")
        context["action_url"] = self.request.path
        return context

    def form_valid(self, form):
        sources = list(form.cleaned_data["sources"])
        target = form.cleaned_data["target"]
        merge_units(
            sources, target, user=self.request.user, merged_on=form.cleaned_data["merged_on"]
        )
        messages.success(
            self.request,
            _("%(units)s merged into “%(target)s”; their addresses now redirect to it.")
            % {"units": ", ".join(f"“{unit.title}”" for unit in sources), "target": target.title},
        )
        return redirect("wagtailadmin_pages:edit", target.pk)
