"""Units: the district's agencies, communes and town, each with a public profile page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES
from home.models import BasePage


class UnitIndexPage(BasePage):
    """Lists every unit, grouped by kind."""

    intro = RichTextField(
        _("Introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("One or two sentences shown above the list of units."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["units.UnitPage"]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("Unit directory")
        verbose_name_plural = _("Unit directories")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        units = UnitPage.objects.live().public().descendant_of(self).order_by("title")
        groups = []
        for kind, label in UnitPage.Kind.choices:
            members = [unit for unit in units if unit.kind == kind]
            if members:
                groups.append((label, members))
        context["unit_groups"] = groups
        return context


class UnitPage(BasePage):
    """An agency, commune or town: what it does and how to reach it."""

    class Kind(models.TextChoices):
        COMMITTEE_OFFICE = "committee_office", _("People's Committee office")
        SPECIALISED_OFFICE = "specialised_office", _("Specialised office")
        TOWN = "town", _("Town")
        COMMUNE = "commune", _("Commune")
        MASS_ORGANISATION = "mass_organisation", _("Mass organisation")
        PUBLIC_SERVICE_UNIT = "public_service_unit", _("Public service unit")

    kind = models.CharField(
        _("Kind of unit"),
        max_length=30,
        choices=Kind.choices,
        help_text=_("Units of the same kind are listed together in the unit directory."),
    )
    parent_unit = models.ForeignKey(
        "self",
        verbose_name=_("Parent unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="child_units",
        help_text=_(
            "The unit this one belongs to, if any. Leave empty for a commune or an office."
        ),
    )
    summary = models.TextField(
        _("Short description"), blank=True, help_text=_("One or two sentences shown in lists.")
    )
    functions = RichTextField(
        _("Functions and duties"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("As set out in the decision that establishes the unit."),
    )
    address = models.CharField(
        _("Address"),
        max_length=255,
        blank=True,
        help_text=_(
            "Where citizens can visit the unit, for example: Tổ dân phố số 5, thị trấn Mường Tè."
        ),
    )
    phone = models.CharField(
        _("Phone"),
        max_length=50,
        blank=True,
        help_text=_("With the area code, for example: 0213 3881 234."),
    )
    email = models.EmailField(
        _("Official email"),
        blank=True,
        help_text=_("The unit's official address, for example: vanphong@muongte.laichau.gov.vn."),
    )
    map_url = models.URLField(
        _("Map link"),
        blank=True,
        help_text=_("Link to the unit's location on an online map, starting with https://"),
    )

    parent_page_types = ["units.UnitIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("parent_unit"),
        FieldPanel("summary"),
        FieldPanel("functions"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("map_url"),
            ],
            heading=_("Contact"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("functions"),
        index.FilterField("kind"),
    ]

    class Meta:
        verbose_name = _("Unit")
        verbose_name_plural = _("Units")

    def get_context(self, request, *args, **kwargs):
        from news.models import ArticlePage

        context = super().get_context(request, *args, **kwargs)
        context["latest_articles"] = (
            ArticlePage.objects.live()
            .public()
            .filter(unit=self)
            .order_by("-first_published_at")[:5]
        )
        return context
