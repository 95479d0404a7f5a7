"""The public forms: a question, a comment on a draft, a rating. All of them extend ProtectedForm."""

import re

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from home.text import to_nfc

from .antispam import NormalisedCharField, ProtectedForm

PHONE_VALIDATOR = RegexValidator(
    re.compile(r"^\+?[0-9 .\-]{8,20}$"),
    _("Enter a phone number of 8 to 15 digits, for example: 0912 345 678."),
)


def text_field(label, max_length, required=True, textarea=False, help_text=""):
    return NormalisedCharField(
        label=label,
        max_length=max_length,
        required=required,
        strip=True,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 6}) if textarea else forms.TextInput,
    )


class NormalisedEmailField(forms.EmailField):
    def to_python(self, value):
        return to_nfc(super().to_python(value)).lower()


class QuestionForm(ProtectedForm):
    scope = "question"

    full_name = text_field(_("Full name"), 100)
    address = text_field(_("Address"), 255)
    phone = NormalisedCharField(label=_("Phone"), max_length=20, validators=[PHONE_VALIDATOR])
    email = NormalisedEmailField(
        label=_("Email"),
        max_length=254,
        help_text=_("The reference code and the answer are sent to this address."),
    )
    subject = text_field(_("Subject"), 200)
    topic = text_field(
        _("Field or unit concerned"),
        200,
        required=False,
        help_text=_("Optional, for example: đất đai, Xã Ka Lăng."),
    )
    text = text_field(_("Your question"), 5000, textarea=True)
    processing_consent = forms.BooleanField(
        label=_("I agree that the editorial board processes my personal data for this purpose."),
        error_messages={
            "required": _("Tick the consent box: without it the board cannot answer you.")
        },
    )
    publication_consent = forms.BooleanField(
        required=False,
        label=_(
            "I agree that my question and its answer are published on the portal, without my "
            "name, address, phone or email."
        ),
    )

    field_order = [
        "full_name",
        "address",
        "phone",
        "email",
        "subject",
        "topic",
        "text",
        "processing_consent",
        "publication_consent",
    ]


class LookupForm(forms.Form):
    """Find a question by its reference code and the asker's email."""

    reference = forms.CharField(label=_("Reference code"), max_length=20)
    email = NormalisedEmailField(label=_("Email"), max_length=254)

    def clean_reference(self):
        return to_nfc(self.cleaned_data["reference"]).strip().upper()


class CommentForm(ProtectedForm):
    scope = "comment"

    full_name = text_field(_("Full name"), 100)
    organisation = text_field(_("Organisation"), 255, required=False)
    email = NormalisedEmailField(label=_("Email"), max_length=254)
    clause = text_field(
        _("Article or clause concerned"),
        100,
        required=False,
        help_text=_("For example: Điều 5, khoản 2."),
    )
    text = text_field(_("Your comment"), 5000, textarea=True)
    processing_consent = forms.BooleanField(
        label=_("I agree that the editorial board processes my personal data for this purpose."),
        error_messages={
            "required": _("Tick the consent box: without it the board cannot read your comment.")
        },
    )


class RatingForm(ProtectedForm):
    scope = "rating"

    score = forms.TypedChoiceField(
        label=_("Your rating"),
        choices=[(value, str(value)) for value in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a rating from 1 to 5.")},
    )
    comment = text_field(_("Comment (optional)"), 1000, required=False, textarea=True)
