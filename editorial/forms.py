"""Forms shown in the workflow action dialogs."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateTimeInput

from home.text import to_nfc


class ReturnForm(forms.Form):
    """Return an item to its author: the reason is required, since the author acts on it."""

    comment = forms.CharField(
        label=_("Reason for returning"),
        widget=forms.Textarea({"rows": 4}),
        error_messages={"required": _("Say why the item is returned and what to change.")},
    )

    def clean_comment(self):
        comment = to_nfc(self.cleaned_data["comment"]).strip()
        if not comment:
            raise forms.ValidationError(_("Say why the item is returned and what to change."))
        return comment


class ScreeningForm(forms.Form):
    """The checks the regulation requires the approver to confirm before an item is published."""

    CHECKS = [
        (
            "no_state_secret",
            _("The item contains no state secret (military, security, economic, foreign affairs)."),
        ),
        (
            "no_prohibited_content",
            _(
                "The item contains none of the prohibited content: nothing against the State, "
                "national security or unity, no incitement to violence or hatred, no slander, "
                "no prohibited advertising, no infringement of intellectual property."
            ),
        ),
        ("author_and_source_given", _("The author and the source of the item are given.")),
    ]

    no_state_secret = forms.BooleanField(label=CHECKS[0][1])
    no_prohibited_content = forms.BooleanField(label=CHECKS[1][1])
    author_and_source_given = forms.BooleanField(label=CHECKS[2][1])
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea({"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, _label in self.CHECKS:
            self.fields[name].error_messages["required"] = _("Confirm this check before approving.")

    def clean_comment(self):
        return to_nfc(self.cleaned_data.get("comment", "")).strip()

    @classmethod
    def confirmation_text(cls):
        """Return the confirmation stored with the approval, in the admin's language."""
        lines = [gettext("Screening confirmed:")]
        lines += [f"– {label}" for _name, label in cls.CHECKS]
        return "\n".join(str(line) for line in lines)


class PublishForm(forms.Form):
    """Schedule the publication of an approved item."""

    go_live_at = forms.DateTimeField(
        label=_("Publish at"),
        widget=AdminDateTimeInput,
        error_messages={
            "required": _("Choose the date and time of publication."),
            "invalid": _("Enter a valid date and time, for example 25/12/2026 08:00."),
        },
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea({"rows": 2})
    )

    def clean_go_live_at(self):
        go_live_at = self.cleaned_data["go_live_at"]
        if go_live_at <= timezone.now():
            raise forms.ValidationError(
                _("The publication time must be in the future; to publish now, use “Checked”.")
            )
        return go_live_at

    def clean_comment(self):
        return to_nfc(self.cleaned_data.get("comment", "")).strip()
