from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from news.models import SectionPage

from .errors import WordImportError
from .reading import check_size, max_upload_size


class SectionChoiceField(forms.ModelChoiceField):
    """Sections labelled with their parent sections: "Tin tức - Sự kiện › Kinh tế"."""

    def label_from_instance(self, obj):
        ancestors = obj.get_ancestors().type(SectionPage)
        return " › ".join([*(page.title for page in ancestors), obj.title])


class WordUploadForm(forms.Form):
    section = SectionChoiceField(
        label=pgettext_lazy("word import", "Section"),
        queryset=SectionPage.objects.none(),
        help_text=_(
            "The section the article goes to. Only sections where you may write are listed."
        ),
    )
    file = forms.FileField(
        label=_("Word file"),
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.doc"}),
    )

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = SectionPage.objects.filter(
            pk__in=[section.pk for section in sections]
        ).order_by("path")
        if len(sections) == 1:
            self.fields["section"].initial = sections[0].pk
        self.fields["file"].help_text = _(
            "A .docx file (or .doc) of at most %(limit)s, with its images and tables."
        ) % {"limit": filesizeformat(max_upload_size())}

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        try:
            check_size(uploaded.size)
        except WordImportError as error:
            raise forms.ValidationError(error.message) from error
        return uploaded
