"""Protection shared by every public form: honeypot, time to submit, rate limits, captcha.

Rate limits count POST requests per client IP address and form in Django's cache, so that
several app servers sharing one cache (Redis in production) share the counts. The address is
used only inside a keyed hash for the cache key: it is never stored, logged or compared in
clear text.

Limits are Django settings, with these defaults:

- ``FEEDBACK_MIN_SUBMIT_SECONDS`` (3): a form sent sooner after it was shown is rejected;
- ``FEEDBACK_MAX_FORM_AGE_SECONDS`` (86400): a form older than this must be reloaded;
- ``FEEDBACK_RATE_WINDOW_SECONDS`` (3600): the window in which submissions are counted;
- ``FEEDBACK_CAPTCHA_AFTER`` (3): from the next submission in the window a captcha is required;
- ``FEEDBACK_RATE_LIMIT`` (10): further submissions in the window are rejected;
- ``FEEDBACK_LOOKUP_LIMIT`` (30): status look-ups allowed in the window;
- ``FEEDBACK_CLIENT_IP_HEADER`` (None): the ``request.META`` key that contains the client
  address when a trusted reverse proxy sets it, for example ``HTTP_X_REAL_IP``.
"""

import hashlib
import hmac
import time

from captcha.fields import CaptchaField
from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from home.text import to_nfc

TOKEN_SALT = "feedback.form-token"  # noqa: S105 (a signing salt, not a secret)


def setting(name, default):
    return getattr(settings, f"FEEDBACK_{name}", default)


def make_form_token(issued_at=None):
    """Return a signed token that records when the form was shown."""
    return signing.dumps(int(issued_at if issued_at is not None else time.time()), salt=TOKEN_SALT)


def client_ip(request):
    header = setting("CLIENT_IP_HEADER", None)
    value = request.META.get(header, "") if header else ""
    return value.split(",")[0].strip() or request.META.get("REMOTE_ADDR", "")


def rate_key(request, scope):
    """Return the cache key of the submission counter of this client for ``scope``."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), client_ip(request).encode(), hashlib.sha256
    ).hexdigest()
    return f"feedback:rate:{scope}:{digest}"


def submission_count(request, scope):
    return cache.get(rate_key(request, scope), 0)


def count_submission(request, scope):
    """Add one to the client's counter for ``scope`` and return the new count."""
    key = rate_key(request, scope)
    window = setting("RATE_WINDOW_SECONDS", 3600)
    if cache.add(key, 1, timeout=window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:
        # The counter expired between add() and incr(): this submission starts a new window.
        cache.set(key, 1, timeout=window)
        return 1


TOO_MANY_LOOKUPS = _(
    "Too many look-ups from your network in a short time. Try again in an hour, or contact "
    "the editorial board by phone."
)


def lookup_limited(request):
    """Count a status look-up and return True once the client passed ``FEEDBACK_LOOKUP_LIMIT``.

    The limit keeps anyone from guessing reference codes and emails in bulk.
    """
    return count_submission(request, "lookup") > setting("LOOKUP_LIMIT", 30)


def captcha_required(request, scope):
    return submission_count(request, scope) >= setting("CAPTCHA_AFTER", 3)


def rate_limited(request, scope):
    return submission_count(request, scope) >= setting("RATE_LIMIT", 10)


class NormalisedCharField(forms.CharField):
    """A text field whose value is stored in Unicode NFC."""

    def to_python(self, value):
        return to_nfc(super().to_python(value))


class ProtectedForm(forms.Form):
    """Base of the public forms: a honeypot field, a signed time stamp and an optional captcha.

    ``scope`` names the rate-limit counter. Pass ``request`` so that the captcha appears once
    the client has sent ``FEEDBACK_CAPTCHA_AFTER`` submissions in the window.
    """

    scope = "form"

    # The template hides this field from people, so only bots that fill every field send a value.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    form_token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.fields["form_token"].initial = make_form_token()
        self.add_captcha_if_required()

    def add_captcha_if_required(self):
        if self.request is None or "captcha" in self.fields:
            return
        if captcha_required(self.request, self.scope):
            self.fields["captcha"] = CaptchaField(
                label=_("Type the characters in the picture"),
                error_messages={
                    "invalid": _(
                        "The characters do not match the picture. Type those of the new picture."
                    )
                },
            )

    def clean_website(self):
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(
                _("The form could not be sent. Leave the last field empty and send it again.")
            )
        return ""

    def clean_form_token(self):
        max_age = setting("MAX_FORM_AGE_SECONDS", 86400)
        try:
            issued_at = signing.loads(self.cleaned_data["form_token"], salt=TOKEN_SALT)
        except signing.BadSignature:
            raise forms.ValidationError(
                _("The form is invalid or has expired. Check your entries and send it again.")
            ) from None
        elapsed = time.time() - issued_at
        if elapsed < setting("MIN_SUBMIT_SECONDS", 3):
            raise forms.ValidationError(
                _("The form was sent too quickly. Check your entries and send it again.")
            )
        if elapsed > max_age:
            raise forms.ValidationError(
                _("The form has expired. Check your entries and send it again.")
            )
        return self.cleaned_data["form_token"]

    def refresh_token(self):
        """Give the redisplayed form a new time stamp, so that the next attempt can pass."""
        data = self.data.copy()
        data["form_token"] = make_form_token()
        self.data = data


def check_submission(form, request):
    """Count the submission and validate ``form``. Return True when it may be stored.

    A rate-limited client gets an error on the form and its input back, without validation.
    """
    if rate_limited(request, form.scope):
        count_submission(request, form.scope)
        form.is_valid()
        form.add_error(
            None,
            _(
                "Too many submissions from your network in a short time. Keep this page open "
                "and send it again in an hour, or contact the editorial board by phone."
            ),
        )
        form.refresh_token()
        form.add_captcha_if_required()
        return False
    count_submission(request, form.scope)
    if form.is_valid():
        return True
    form.refresh_token()
    form.add_captcha_if_required()
    return False
