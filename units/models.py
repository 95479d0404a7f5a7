"""Units: the district's agencies, communes and town, their spokespersons and procedures.

A unit is a page (``UnitPage``) under the unit directory. Its leaders and information
catalogue are edited inline and go through moderation with the page; its former names and
its spokespersons are plain models, so that history survives later revisions of the page.
"""

from urllib.parse import urljoin, urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES
from home.models import BasePage

from .tree import build_unit_tree


class UnitIndexPage(BasePage):
    """Lists every unit, grouped by kind, and draws the organisation chart."""

    intro = RichTextField(
        _("Introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("One or two sentences shown above the list of units."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["units.UnitPage", "units.SpokespersonIndexPage", "units.ProcedureIndexPage"]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("Unit directory")
        verbose_name_plural = _("Unit directories")

    def units(self):
        """Live, public units below this directory, by title."""
        return (
            UnitPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("parent_unit")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        units = list(self.units())
        groups = []
        for kind, label in UnitPage.Kind.choices:
            members = [unit for unit in units if unit.kind == kind]
            if members:
                groups.append((label, members))
        context["unit_groups"] = groups
        context["unit_tree"] = build_unit_tree(units)
        return context


class UnitPage(BasePage):
    """An agency, commune or town: what it does, who leads it and how to reach it."""

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
    leader_contacts_public = models.BooleanField(
        _("Publish the leaders' personal phone numbers and emails"),
        default=False,
        help_text=_(
            "Leave unticked to keep the leaders' own phone numbers and emails off the public "
            "site; the unit's office phone and official email are always shown."
        ),
    )
    issuing_body = models.ForeignKey(
        "documents.IssuingBody",
        verbose_name=_("Issuing body in the document library"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The unit page lists the latest legal documents issued under this name."),
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("Merged into"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
        editable=False,
        help_text=_("Set by the unit merge; the unit's addresses redirect to this unit."),
    )
    merged_on = models.DateField(_("Merged on"), null=True, blank=True, editable=False)

    parent_page_types = ["units.UnitIndexPage"]
    subpage_types = ["units.ProcedureListPage"]

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("parent_unit"),
        FieldPanel("summary"),
        FieldPanel("functions"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("map_url"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("leader_contacts_public"),
                InlinePanel("leaders", label=_("Leader")),
            ],
            heading=_("Leaders"),
        ),
        InlinePanel("catalogue_items", label=_("Information catalogue")),
        FieldPanel("issuing_body"),
    ]

    api_fields = [APIField("summary"), APIField("functions")]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("functions"),
        index.FilterField("kind"),
    ]

    class Meta:
        verbose_name = _("Unit")
        verbose_name_plural = _("Units")
        permissions = [("merge_units", _("Can merge units"))]

    def save(self, *args, **kwargs):
        self.record_former_name(kwargs.get("update_fields"))
        super().save(*args, **kwargs)

    def with_content_json(self, content):
        # The merge is recorded on the page row, never in a revision, so that publishing
        # an older revision cannot undo it.
        page = super().with_content_json(content)
        page.merged_into_id = self.merged_into_id
        page.merged_on = self.merged_on
        return page

    def clean(self):
        super().clean()
        if self.parent_unit_id and self.pk:
            if self.parent_unit_id == self.pk or self.pk in self.parent_unit_ids():
                raise ValidationError(
                    {
                        "parent_unit": _(
                            "A unit cannot report to itself or to one of the units below it."
                        )
                    }
                )

    def parent_unit_ids(self):
        """Ids of the units above this one, nearest first, stopping at a loop."""
        seen = []
        current_id = self.parent_unit_id
        while current_id and current_id not in seen:
            seen.append(current_id)
            current_id = (
                UnitPage.objects.filter(pk=current_id)
                .values_list("parent_unit_id", flat=True)
                .first()
            )
        return seen

    def record_former_name(self, update_fields):
        """Keep the published name when a live unit's published name changes.

        Wagtail writes ``title`` to the page row only when a revision is published (drafts
        keep it in ``draft_title``), so a change seen here is a rename on the public site.
        """
        if not self.pk or (update_fields is not None and "title" not in update_fields):
            return
        stored = UnitPage.objects.filter(pk=self.pk).values("title", "live").first()
        if stored and stored["live"] and stored["title"] != self.title:
            UnitName.objects.create(unit=self, name=stored["title"], used_until=timezone.now())

    def name_on(self, moment):
        """Return the unit's published name at ``moment`` (a datetime), or its name today."""
        if moment is None:
            return self.title
        former = self.former_names.filter(used_until__gt=moment).order_by("used_until").first()
        return former.name if former else self.title

    def successor(self):
        """Return the live unit this one was merged into, following chains of merges."""
        seen = {self.pk}
        unit = self.merged_into
        while unit is not None and unit.pk not in seen:
            if unit.live and unit.merged_into_id is None:
                return unit
            seen.add(unit.pk)
            unit = unit.merged_into
        return None

    def lineage_ids(self):
        """Ids of this unit and of every unit merged into it, directly or through others."""
        ids = {self.pk}
        frontier = [self.pk]
        while frontier:
            frontier = list(
                UnitPage.objects.filter(merged_into_id__in=frontier)
                .exclude(pk__in=ids)
                .values_list("pk", flat=True)
            )
            ids.update(frontier)
        return ids

    def public_leaders(self):
        """Return the leaders in order, with personal phones and emails blanked unless published."""
        leaders = list(self.leaders.select_related("photo"))
        if not self.leader_contacts_public:
            for leader in leaders:
                leader.phone = ""
                leader.email = ""
        return leaders

    def get_context(self, request, *args, **kwargs):
        from documents.models import LegalDocumentPage
        from news.models import ArticlePage

        context = super().get_context(request, *args, **kwargs)
        lineage = self.lineage_ids()
        context["leaders"] = self.public_leaders()
        context["catalogue_items"] = [
            item
            for item in self.catalogue_items.select_related("link_page")
            if not item.link_page_id or item.link_page.live
        ]
        context["spokespersons"] = Spokesperson.objects.current().filter(unit=self)
        context["latest_articles"] = (
            ArticlePage.objects.live()
            .public()
            .filter(unit_id__in=lineage)
            .order_by("-first_published_at")[:5]
        )
        if self.issuing_body_id:
            context["latest_documents"] = (
                LegalDocumentPage.objects.live()
                .public()
                .filter(issuing_body_id=self.issuing_body_id)
                .order_by(models.F("issued_on").desc(nulls_last=True), "-pk")[:5]
            )
        context["procedure_pages"] = ProcedureListPage.objects.live().public().child_of(self)
        context["predecessors"] = self.predecessors.order_by("title")
        context["child_units"] = self.child_units.live().public().order_by("title")
        if request.user.has_perm("wagtailadmin.access_admin"):
            from editorial.models import ContributorProfile

            context["contributors"] = (
                ContributorProfile.objects.filter(unit=self)
                .select_related("user")
                .order_by("user__last_name", "user__first_name")
            )
        return context


class UnitLeader(Orderable):
    """A leader of a unit, shown on the unit page in the order set here.

    ``phone`` and ``email`` are personal data: anything that publishes leaders (templates,
    feeds, the API) must read them through ``UnitPage.public_leaders()``, which blanks them
    unless the unit publishes its leaders' contacts.
    """

    unit = ParentalKey(UnitPage, related_name="leaders", on_delete=models.CASCADE)
    name = models.CharField(_("Full name"), max_length=255)
    position = models.CharField(
        _("Position"), max_length=255, help_text=_("For example: Chủ tịch UBND xã.")
    )
    phone = models.CharField(
        _("Personal phone"),
        max_length=50,
        blank=True,
        help_text=_("Shown only when the unit publishes its leaders' contacts."),
    )
    email = models.EmailField(
        _("Personal email"),
        blank=True,
        help_text=_("Shown only when the unit publishes its leaders' contacts."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("position")]),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("photo"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Leader")
        verbose_name_plural = _("Leaders")

    def __str__(self):
        return f"{self.name} – {self.position}"


class UnitCatalogueItem(Orderable):
    """One entry of a unit's information catalogue: what it publishes and where."""

    unit = ParentalKey(UnitPage, related_name="catalogue_items", on_delete=models.CASCADE)
    title = models.CharField(_("Information"), max_length=255)
    description = models.CharField(_("Description"), max_length=500, blank=True)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Page of this site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link_url = models.URLField(_("Web address"), blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        PageChooserPanel("link_page"),
        FieldPanel("link_url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Catalogue entry")
        verbose_name_plural = _("Information catalogue")

    def clean(self):
        super().clean()
        if self.link_page_id and self.link_url:
            raise ValidationError(
                _("Choose either a page of this site or a web address, not both.")
            )

    @property
    def url(self):
        if self.link_page_id:
            return self.link_page.url
        return self.link_url


class UnitName(models.Model):
    """A name a unit was published under before it was renamed."""

    unit = models.ForeignKey(
        UnitPage,
        verbose_name=_("Unit"),
        on_delete=models.CASCADE,
        related_name="former_names",
    )
    name = models.CharField(_("Former name"), max_length=255)
    used_until = models.DateTimeField(
        _("Used until"), help_text=_("Works published before this moment show the former name.")
    )

    panels = [FieldPanel("unit"), FieldPanel("name"), FieldPanel("used_until")]

    class Meta:
        verbose_name = _("Former unit name")
        verbose_name_plural = _("Former unit names")
        ordering = ["unit", "used_until"]

    def __str__(self):
        return self.name


class SpokespersonQuerySet(models.QuerySet):
    def current(self, today=None):
        """Entries in office on ``today``: started by then and not yet ended."""
        today = today or timezone.localdate()
        return (
            self.filter(models.Q(appointed_on__isnull=True) | models.Q(appointed_on__lte=today))
            .filter(models.Q(ended_on__isnull=True) | models.Q(ended_on__gte=today))
            .select_related("unit")
        )

    def past(self, today=None):
        today = today or timezone.localdate()
        return self.filter(ended_on__lt=today).select_related("unit")


class Spokesperson(models.Model):
    """A spokesperson or press contact of the district or of one unit.

    Entries are never deleted when someone leaves: the last day in the role ends the entry,
    and the public pages show only the entries in office today.
    """

    class Role(models.TextChoices):
        SPOKESPERSON = "spokesperson", _("Spokesperson")
        PRESS_CONTACT = "press_contact", _("Provides information to the press")

    name = models.CharField(_("Full name"), max_length=255)
    position = models.CharField(_("Position"), max_length=255)
    unit = models.ForeignKey(
        UnitPage,
        verbose_name=_("Unit"),
        on_delete=models.PROTECT,
        related_name="spokespersons",
    )
    role = models.CharField(
        _("Role"), max_length=20, choices=Role.choices, default=Role.SPOKESPERSON
    )
    scope = models.TextField(
        _("Scope"),
        blank=True,
        help_text=_(
            "What the person speaks about, for example: mọi lĩnh vực do UBND huyện quản lý."
        ),
    )
    phone = models.CharField(
        _("Phone for the press"),
        max_length=50,
        blank=True,
        help_text=_("Shown publicly: give the number the press should call."),
    )
    email = models.EmailField(_("Email for the press"), blank=True, help_text=_("Shown publicly."))
    appointment = models.CharField(
        _("Appointed by"),
        max_length=255,
        blank=True,
        help_text=_("The appointing decision, for example: Quyết định số 15/QĐ-UBND."),
    )
    appointed_on = models.DateField(_("In the role from"), null=True, blank=True)
    ended_on = models.DateField(
        _("Last day in the role"),
        null=True,
        blank=True,
        help_text=_("Fill in when the person leaves the role; the entry is kept as history."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("Order"), default=0, help_text=_("Lower numbers come first within a unit.")
    )

    objects = SpokespersonQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("position")]),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("role")]),
        FieldPanel("scope"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("appointment"),
        FieldRowPanel([FieldPanel("appointed_on"), FieldPanel("ended_on")]),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("Spokesperson")
        verbose_name_plural = _("Spokespersons")
        ordering = ["unit__title", "sort_order", "name"]

    def __str__(self):
        return f"{self.name} – {self.position}"

    def clean(self):
        super().clean()
        if self.appointed_on and self.ended_on and self.ended_on < self.appointed_on:
            raise ValidationError(
                {"ended_on": _("The last day in the role cannot come before the first.")}
            )

    def is_current(self, today=None):
        today = today or timezone.localdate()
        started = self.appointed_on is None or self.appointed_on <= today
        return started and (self.ended_on is None or self.ended_on >= today)


class SpokespersonIndexPage(BasePage):
    """The public list of spokespersons and press contacts in office today."""

    intro = RichTextField(_("Introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage", "units.UnitIndexPage"]
    subpage_types = []
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("Spokesperson list")
        verbose_name_plural = _("Spokesperson lists")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        current = Spokesperson.objects.current().filter(unit__live=True)
        context["spokespersons"] = current.filter(role=Spokesperson.Role.SPOKESPERSON)
        context["press_contacts"] = current.filter(role=Spokesperson.Role.PRESS_CONTACT)
        return context


class ProcedureStepBlock(blocks.StructBlock):
    action = blocks.CharBlock(label=_("Step"), max_length=500)
    responsible = blocks.CharBlock(
        label=_("Person responsible"),
        max_length=255,
        help_text=_("Name or position of the person who carries out this step."),
    )
    time_limit = blocks.CharBlock(
        label=_("Time limit"), max_length=100, required=False, help_text=_("For example: 1 ngày.")
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")


class ProcedureStepsBlock(blocks.StreamBlock):
    step = ProcedureStepBlock()


class ProcedureIndexPage(BasePage):
    """Every unit's list of administrative procedures, with the provincial system's address."""

    intro = RichTextField(_("Introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["home.HomePage", "units.UnitIndexPage"]
    subpage_types = []
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("Administrative procedures overview")
        verbose_name_plural = _("Administrative procedures overviews")

    def get_context(self, request, *args, **kwargs):
        from home.models import PortalSettings

        context = super().get_context(request, *args, **kwargs)
        procedure_lists = list(ProcedureListPage.objects.live().public())
        # A procedure list's parent unit has the list's tree path minus its last step.
        parent_paths = {page.pk: page.path[: -page.steplen] for page in procedure_lists}
        units = {
            unit.path: unit
            for unit in UnitPage.objects.live().public().filter(path__in=parent_paths.values())
        }
        rows = [
            (units[parent_paths[page.pk]], page)
            for page in procedure_lists
            if parent_paths[page.pk] in units
        ]
        context["procedure_lists"] = sorted(rows, key=lambda row: row[0].title)
        context["procedures_url"] = PortalSettings.for_request(request).procedures_url
        return context


class ProcedureListPage(BasePage):
    """The administrative procedures that one unit carries out."""

    intro = RichTextField(_("Introduction"), blank=True, features=["bold", "italic", "link"])

    parent_page_types = ["units.UnitPage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("procedures", label=_("Administrative procedure")),
    ]

    class Meta:
        verbose_name = _("Administrative procedures of a unit")
        verbose_name_plural = _("Administrative procedures of units")

    def get_context(self, request, *args, **kwargs):
        from home.models import PortalSettings

        context = super().get_context(request, *args, **kwargs)
        procedures = list(self.procedures.all())
        field = request.GET.get("field", "")
        fields = sorted({procedure.field for procedure in procedures})
        if field in fields:
            procedures = [procedure for procedure in procedures if procedure.field == field]
            context["selected_field"] = field
        base_url = PortalSettings.for_request(request).procedures_url
        context["procedures"] = [
            (procedure, procedure.system_url(base_url)) for procedure in procedures
        ]
        context["fields"] = fields
        context["procedures_url"] = base_url
        context["unit"] = self.get_parent().specific
        return context


def validate_system_path(value):
    """Reject anything but a path or query on the provincial system's own address."""
    parts = urlsplit(value.strip())
    if parts.scheme or parts.netloc or value.strip().startswith("//"):
        raise ValidationError(
            _(
                "Give only the part after the system's address, for example "
                "“thu-tuc/1.004227”: the address itself comes from the site settings."
            )
        )


class Procedure(Orderable):
    """An administrative procedure (thủ tục hành chính) with who does each step and how long it takes."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("Province level")
        DISTRICT = "district", _("District level")
        COMMUNE = "commune", _("Commune level")
        INTER_LEVEL = "inter_level", _("Across levels")

    page = ParentalKey(ProcedureListPage, related_name="procedures", on_delete=models.CASCADE)
    code = models.CharField(
        _("Procedure code"),
        max_length=50,
        blank=True,
        help_text=_("The code in the national procedures database, for example 1.004227."),
    )
    name = models.CharField(_("Name of the procedure"), max_length=500)
    field = models.CharField(
        pgettext_lazy("subject area", "Field"),
        max_length=255,
        help_text=_("For example: Hộ tịch, Đất đai, Tư pháp."),
    )
    level = models.CharField(_("Level"), max_length=20, choices=Level.choices)
    processing_time = models.CharField(
        _("Processing time"), max_length=255, help_text=_("For example: 05 ngày làm việc.")
    )
    fee = models.CharField(
        _("Fees and charges"),
        max_length=255,
        blank=True,
        help_text=_("For example: 50.000 đồng/hồ sơ. Leave empty if there is no fee."),
    )
    steps = StreamField(
        ProcedureStepsBlock(), verbose_name=_("Steps"), blank=True, use_json_field=True
    )
    system_path = models.CharField(
        _("Path in the provincial system"),
        max_length=500,
        blank=True,
        validators=[validate_system_path],
        help_text=_(
            "The part of the procedure's address after the provincial system's address in the "
            "site settings. Leave empty to link to the system's home page."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("level")]),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("field"), FieldPanel("processing_time"), FieldPanel("fee")]),
        FieldPanel("steps"),
        FieldPanel("system_path"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Administrative procedure")
        verbose_name_plural = _("Administrative procedures")

    def __str__(self):
        return self.name

    def system_url(self, base_url):
        """The procedure's address in the provincial system, or '' without a base address."""
        if not base_url:
            return ""
        if not self.system_path:
            return base_url
        return urljoin(base_url.rstrip("/") + "/", self.system_path.strip().lstrip("/"))


# Quota rules, quota settings and the reminder log live in their own module; importing them
# here registers their models with the units app.
from .quotas import QuotaReminder, QuotaRule, QuotaSettings  # noqa: E402, F401
