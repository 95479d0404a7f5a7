from django import forms
from django.utils.translation import gettext_lazy as _

from .models import UnitPage


class ProcedureImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or Excel file"),
        help_text=_("A .csv file saved as UTF-8, or an .xlsx workbook (its first sheet is read)."),
    )
    replace = forms.TypedChoiceField(
        label=_("What to do with the procedures already listed"),
        choices=[
            ("1", _("Replace them with the procedures in the file")),
            ("0", _("Keep them and add the procedures in the file after them")),
        ],
        coerce=lambda value: value == "1",
        initial="1",
        widget=forms.RadioSelect,
    )


class UnitMergeForm(forms.Form):
    sources = forms.ModelMultipleChoiceField(
        label=_("Units to merge"),
        queryset=UnitPage.objects.filter(merged_into__isnull=True).order_by("title"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("These units are unpublished; their addresses redirect to the unit below."),
    )
    target = forms.ModelChoiceField(
        label=_("Merge into"),
        queryset=UnitPage.objects.live().filter(merged_into__isnull=True).order_by("title"),
        help_text=_("The unit that continues. Create and publish it first if it is new."),
    )
    merged_on = forms.DateField(
        label=_("Date of the merge"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Spokespersons of the merged units end their role on the day before."),
    )

    def clean(self):
        from .merging import check_merge

        cleaned_data = super().clean()
        sources = list(cleaned_data.get("sources") or [])
        target = cleaned_data.get("target")
        if sources and target:
            check_merge(sources, target)
        return cleaned_data
