"""Royalties: rate tables with effective dates, and the royalty of each published work.

No amount is written in code. Since 1/9/2026 the head of the agency sets the rates, so the
board enters each rate table (a unit value in đồng, a coefficient range per kind of work and
optional add-ons in percent) with the date it takes effect. A work is paid by the table in
force on the day it was first published.

An author's amount is unit value × coefficient × (1 + the sum of the add-ons in percent / 100)
× share / 100, rounded to the nearest whole đồng, halves rounded up. Editors and information
providers are paid the amount the secretary enters.
"""

from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

HUNDRED = Decimal(100)


def format_dong(amount):
    """Format a whole amount of đồng the Vietnamese way: 1.234.567."""
    return f"{int(amount):,}".replace(",", ".")


def format_decimal(value):
    """Format a coefficient or percentage with a decimal comma and no trailing zeros."""
    text = f"{Decimal(value).normalize():f}"
    return text.replace(".", ",")


class RoyaltyRateTable(ClusterableModel):
    """The royalty rates in force from a date until the next table takes effect."""

    name = models.CharField(
        _("Name"),
        max_length=255,
        help_text=_("For example: Bảng nhuận bút theo Quyết định số 12/QĐ-UBND."),
    )
    effective_from = models.DateField(
        _("Effective from"),
        unique=True,
        help_text=_("Works first published on or after this day are paid by this table."),
    )
    unit_value = models.PositiveBigIntegerField(
        _("Unit value (đồng)"),
        validators=[MinValueValidator(1)],
        help_text=_("The value of one coefficient point, in whole đồng."),
    )
    legal_basis = models.CharField(
        _("Legal basis"),
        max_length=500,
        blank=True,
        help_text=_("The decision of the agency head that sets these rates."),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("effective_from"), FieldPanel("unit_value")]),
        FieldPanel("legal_basis"),
        InlinePanel("work_kinds", label=_("Kind of work"), min_num=1),
        InlinePanel("add_ons", label=_("Add-on")),
    ]

    class Meta:
        ordering = ["-effective_from"]
        verbose_name = _("Royalty rate table")
        verbose_name_plural = _("Royalty rate tables")

    def __str__(self):
        return _("%(name)s (from %(date)s)") % {
            "name": self.name,
            "date": f"{self.effective_from:%d/%m/%Y}",
        }

    @classmethod
    def in_force_on(cls, day):
        """Return the table in force on ``day``, or None when no table had taken effect."""
        return cls.objects.filter(effective_from__lte=day).order_by("-effective_from").first()


class RoyaltyWorkKind(Orderable):
    """A kind of work (news item, article, photo, video...) and its coefficient range."""

    table = ParentalKey(RoyaltyRateTable, on_delete=models.CASCADE, related_name="work_kinds")
    name = models.CharField(_("Kind of work"), max_length=100)
    coefficient_min = models.DecimalField(
        _("Minimum coefficient"),
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    coefficient_max = models.DecimalField(
        _("Maximum coefficient"),
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("coefficient_min"), FieldPanel("coefficient_max")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Kind of work")
        verbose_name_plural = _("Kinds of work")

    def __str__(self):
        return _("%(name)s (coefficient %(min)s–%(max)s), table from %(date)s") % {
            "name": self.name,
            "min": format_decimal(self.coefficient_min),
            "max": format_decimal(self.coefficient_max),
            "date": f"{self.table.effective_from:%d/%m/%Y}",
        }

    def clean(self):
        super().clean()
        if (
            self.coefficient_min is not None
            and self.coefficient_max is not None
            and self.coefficient_min > self.coefficient_max
        ):
            raise ValidationError(
                {"coefficient_max": _("The maximum coefficient must not be below the minimum.")}
            )


class RoyaltyAddOn(Orderable):
    """An optional increase in percent, such as writing in an ethnic-minority language."""

    table = ParentalKey(RoyaltyRateTable, on_delete=models.CASCADE, related_name="add_ons")
    name = models.CharField(_("Add-on"), max_length=150)
    percent = models.DecimalField(
        _("Increase (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("500"))],
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("percent")])]

    class Meta(Orderable.Meta):
        verbose_name = _("Add-on")
        verbose_name_plural = _("Add-ons")

    def __str__(self):
        return _("%(name)s (+%(percent)s %%), table from %(date)s") % {
            "name": self.name,
            "percent": format_decimal(self.percent),
            "date": f"{self.table.effective_from:%d/%m/%Y}",
        }


class RoyaltyRecordForm(WagtailAdminModelForm):
    """Check a royalty record against the rate table in force on the publication date."""

    def clean(self):
        cleaned_data = super().clean()
        table = self.resolve_rate_table(cleaned_data.get("page"))
        if table is not None:
            self.check_rates(table, cleaned_data)
        self.check_payments()
        return cleaned_data

    def resolve_rate_table(self, page):
        """Set the publication date and rate table on the record, or add an error."""
        if page is None:
            return None
        published_on = RoyaltyRecord.publication_date(page)
        if published_on is None:
            self.add_error(
                "page",
                _("“%(title)s” has not been published yet: record royalties for published works.")
                % {"title": page.get_admin_display_title()},
            )
            return None
        table = RoyaltyRateTable.in_force_on(published_on)
        if table is None:
            self.add_error(
                "page",
                _(
                    "No royalty rate table was in force on %(date)s, the day this work was "
                    "published: add a rate table that takes effect on or before that day."
                )
                % {"date": f"{published_on:%d/%m/%Y}"},
            )
            return None
        self.instance.published_on = published_on
        self.instance.rate_table = table
        return table

    def check_rates(self, table, cleaned_data):
        table_date = f"{table.effective_from:%d/%m/%Y}"
        kind = cleaned_data.get("work_kind")
        if kind is not None and kind.table_id != table.pk:
            self.add_error(
                "work_kind",
                _(
                    "“%(kind)s” belongs to another rate table. This work was published on "
                    "%(date)s, so choose a kind of work from the table in force from %(table_date)s."
                )
                % {
                    "kind": kind.name,
                    "date": f"{self.instance.published_on:%d/%m/%Y}",
                    "table_date": table_date,
                },
            )
            kind = None
        coefficient = cleaned_data.get("coefficient")
        if kind is not None and coefficient is not None:
            if not kind.coefficient_min <= coefficient <= kind.coefficient_max:
                self.add_error(
                    "coefficient",
                    _(
                        "The coefficient %(value)s is outside the range %(min)s–%(max)s that "
                        "the rate table in force from %(table_date)s gives for “%(kind)s”."
                    )
                    % {
                        "value": format_decimal(coefficient),
                        "min": format_decimal(kind.coefficient_min),
                        "max": format_decimal(kind.coefficient_max),
                        "table_date": table_date,
                        "kind": kind.name,
                    },
                )
        foreign = [
            add_on.name
            for add_on in cleaned_data.get("add_ons") or []
            if add_on.table_id != table.pk
        ]
        if foreign:
            self.add_error(
                "add_ons",
                _("Choose add-ons of the rate table in force from %(table_date)s, not: %(names)s.")
                % {"table_date": table_date, "names": ", ".join(foreign)},
            )

    def check_payments(self):
        """Check each payment's fields for its role, and that the authors' shares total 100 %."""
        payments = self.formsets.get("payments")
        if payments is None or not payments.is_valid():
            return
        author_shares = []
        for form in payments.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE"):
                continue
            if data.get("role") == RoyaltyPayment.Role.AUTHOR:
                if data.get("share_percent") is None:
                    form.add_error("share_percent", _("Enter the author's share in percent."))
                else:
                    author_shares.append(data["share_percent"])
                if data.get("fixed_amount") is not None:
                    form.add_error(
                        "fixed_amount",
                        _("Authors are paid by share: leave the amount empty."),
                    )
            else:
                if data.get("fixed_amount") is None:
                    form.add_error(
                        "fixed_amount",
                        _("Enter the amount paid to this editor or information provider, in đồng."),
                    )
                if data.get("share_percent") is not None:
                    form.add_error(
                        "share_percent",
                        _("Only authors have a share: leave it empty for editors and providers."),
                    )
        total = sum(author_shares, Decimal(0))
        if not author_shares:
            self.add_error(None, _("Add at least one author with their share."))
        elif total != HUNDRED:
            self.add_error(
                None,
                _("The authors' shares total %(total)s %%; they must total exactly 100 %%.")
                % {"total": format_decimal(total)},
            )

    def save(self, commit=True):
        record = super().save(commit=False)
        if self.for_user is not None and record.recorded_by_id is None:
            record.recorded_by = self.for_user
        if commit:
            record.save()
            self.save_m2m()
            record.update_amounts()
        return record


class RoyaltyRecord(ClusterableModel):
    """The royalty of one published work: its kind, coefficient, add-ons and who is paid."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("Published work"),
        on_delete=models.PROTECT,
        related_name="royalty_record",
        help_text=_("The work must already be published; each work has one royalty record."),
    )
    published_on = models.DateField(_("Published on"), editable=False, db_index=True)
    rate_table = models.ForeignKey(
        RoyaltyRateTable,
        verbose_name=_("Rate table"),
        on_delete=models.PROTECT,
        editable=False,
        related_name="records",
    )
    work_kind = models.ForeignKey(
        RoyaltyWorkKind,
        verbose_name=_("Kind of work"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Choose a kind from the table in force on the day the work was published."),
    )
    coefficient = models.DecimalField(
        _("Coefficient"),
        max_digits=6,
        decimal_places=2,
        help_text=_("Within the range that the rate table gives for this kind of work."),
    )
    add_ons = ParentalManyToManyField(
        RoyaltyAddOn,
        verbose_name=_("Add-ons"),
        blank=True,
        related_name="+",
        help_text=_("Add-ons of the same rate table; their percentages are added together."),
    )
    work_amount = models.PositiveBigIntegerField(
        _("Royalty of the work (đồng)"),
        default=0,
        editable=False,
        help_text=_(
            "Unit value × coefficient × (1 + add-ons), rounded to the nearest whole đồng, "
            "halves rounded up."
        ),
    )
    note = models.CharField(_("Note"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Recorded by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("Recorded at"), auto_now=True)

    panels = [
        FieldPanel("page"),
        MultiFieldPanel(
            [
                FieldPanel("work_kind"),
                FieldPanel("coefficient"),
                FieldPanel("add_ons", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Rate"),
        ),
        InlinePanel("payments", label=_("Payment"), min_num=1),
        FieldPanel("note"),
    ]

    base_form_class = RoyaltyRecordForm

    class Meta:
        ordering = ["-published_on", "-pk"]
        verbose_name = _("Royalty record")
        verbose_name_plural = _("Royalty records")

    def __str__(self):
        return self.page.get_admin_display_title()

    @staticmethod
    def publication_date(page):
        """Return the local date the page was first published, or None if it never was."""
        if page is None or page.first_published_at is None:
            return None
        return timezone.localtime(page.first_published_at).date()

    def amount_for_share(self, share_percent, add_on_percent=None):
        """Return an author's amount in whole đồng for ``share_percent`` of the work."""
        if add_on_percent is None:
            add_on_percent = sum((add_on.percent for add_on in self.add_ons.all()), Decimal(0))
        amount = (
            Decimal(self.rate_table.unit_value)
            * Decimal(self.coefficient)
            * (1 + Decimal(add_on_percent) / HUNDRED)
            * Decimal(share_percent)
            / HUNDRED
        )
        return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))

    def update_amounts(self):
        """Compute and store the work's amount and each payment's amount."""
        add_on_percent = sum((add_on.percent for add_on in self.add_ons.all()), Decimal(0))
        self.work_amount = self.amount_for_share(HUNDRED, add_on_percent)
        self.save(update_fields=["work_amount"])
        for payment in self.payments.all():
            if payment.role == RoyaltyPayment.Role.AUTHOR:
                payment.amount = self.amount_for_share(payment.share_percent or 0, add_on_percent)
            else:
                payment.amount = payment.fixed_amount or 0
            payment.save(update_fields=["amount"])


class RoyaltyPayment(Orderable):
    """One person paid for a work: an author by share, an editor or provider by amount."""

    class Role(models.TextChoices):
        AUTHOR = "author", _("Author")
        EDITOR = "editor", _("Editor")
        INFORMATION_PROVIDER = "provider", _("Information provider")

    record = ParentalKey(RoyaltyRecord, on_delete=models.CASCADE, related_name="payments")
    role = models.CharField(_("Role"), max_length=20, choices=Role.choices, default=Role.AUTHOR)
    full_name = models.CharField(_("Full name"), max_length=150)
    unit = models.ForeignKey(
        "units.UnitPage",
        verbose_name=_("Unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    share_percent = models.DecimalField(
        _("Share (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(HUNDRED)],
        help_text=_("Authors only: the authors' shares of a work must total 100 %."),
    )
    fixed_amount = models.PositiveBigIntegerField(
        _("Amount (đồng)"),
        null=True,
        blank=True,
        help_text=_("Editors and information providers only: the amount paid, in whole đồng."),
    )
    amount = models.PositiveBigIntegerField(_("Amount paid (đồng)"), default=0, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("role"), FieldPanel("full_name"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("share_percent"), FieldPanel("fixed_amount")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Royalty payment")
        verbose_name_plural = _("Royalty payments")

    def __str__(self):
        return f"{self.full_name} – {format_dong(self.amount)} đ"
