"""Two-factor login to the admin with TOTP devices from django-otp.

TOTP is mandatory for superusers, administrators and the editorial board, and optional for
contributors. The redirects that enforce it are in ``operations.middleware``.
"""

import base64

import segno
from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.roles import ADMINISTRATOR, BOARD_ROLES

TWO_FACTOR_REQUIRED_GROUPS = [ADMINISTRATOR, *BOARD_ROLES]
DEVICE_NAME = "Ứng dụng xác thực"


def is_two_factor_required(user):
    """Return True for users who may not use the admin without a second factor."""
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=TWO_FACTOR_REQUIRED_GROUPS).exists()


def has_confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


class TokenForm(forms.Form):
    token = forms.RegexField(
        label=_("Six-digit code"),
        regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Enter the six digits shown in the authenticator app.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_token(self):
        return self.cleaned_data["token"].strip()


def safe_next_url(request):
    next_url = request.POST.get("next") or request.GET.get("next")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return reverse("wagtailadmin_home")


def setup(request):
    """Enrol a TOTP device: show its key as a QR code and confirm it with a first code."""
    user = request.user
    if has_confirmed_device(user):
        messages.info(request, _("Two-factor authentication is already on for this account."))
        return redirect(safe_next_url(request))

    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)

    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=user, confirmed=False).delete()
            otp_login(request, device)
            messages.success(request, _("Two-factor authentication is on."))
            return redirect(safe_next_url(request))
        form.add_error("token", _("The code is wrong or has expired. Enter the current code."))

    secret = base64.b32encode(device.bin_key).decode("ascii")
    qr_svg = segno.make(device.config_url, error="m").svg_inline(scale=4)
    return TemplateResponse(
        request,
        "operations/two_factor/setup.html",
        {
            "form": form,
            "qr_svg": qr_svg,
            "secret": secret,
            "required": is_two_factor_required(user),
            "next": safe_next_url(request),
        },
    )


def verify(request):
    """Ask a user with a confirmed device for the current code after the password."""
    user = request.user
    devices = list(TOTPDevice.objects.filter(user=user, confirmed=True))
    if not devices:
        return redirect(reverse("operations_two_factor_setup"))
    if user.is_verified():
        return redirect(safe_next_url(request))

    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in devices:
            allowed, _details = device.verify_is_allowed()
            if not allowed:
                form.add_error(
                    "token",
                    _("Too many wrong codes. Wait a few minutes, then enter the current code."),
                )
                break
            if device.verify_token(form.cleaned_data["token"]):
                otp_login(request, device)
                return redirect(safe_next_url(request))
        else:
            form.add_error("token", _("The code is wrong or has expired. Enter the current code."))

    return TemplateResponse(
        request,
        "operations/two_factor/verify.html",
        {"form": form, "next": safe_next_url(request)},
    )
