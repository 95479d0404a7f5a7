"""Middleware for the headers Django does not send itself and for two-factor login."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode

from .csp import is_admin_path
from .two_factor import has_confirmed_device, is_two_factor_required

# Admin views an authenticated but unverified user may still reach.
TWO_FACTOR_OPEN_URL_NAMES = {
    "operations_two_factor_setup",
    "operations_two_factor_verify",
    "wagtailadmin_logout",
    "wagtailadmin_login",
    "wagtailadmin_javascript_catalog",
    # The admin's pages, the two-factor ones included, fetch the icon sprite with a script,
    # which would otherwise insert the redirected page into the page that asked for it.
    "wagtailadmin_sprite",
}


class PermissionsPolicyMiddleware:
    """Add the ``Permissions-Policy`` header from ``settings.PERMISSIONS_POLICY``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class AdminTwoFactorMiddleware:
    """Send admin users who have not passed the second factor to verify or enrol.

    A user with a confirmed TOTP device must enter a code after the password. A user of a
    group in ``is_two_factor_required`` without a device must first set one up. Other users
    may use the admin with the password alone. Must follow django-otp's ``OTPMiddleware``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.redirect_for(request) or self.get_response(request)

    def redirect_for(self, request):
        if not settings.TWO_FACTOR_ENFORCED:
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if not is_admin_path(request.path_info):
            return None
        try:
            url_name = resolve(request.path_info).url_name
        except Resolver404:
            return None
        if url_name in TWO_FACTOR_OPEN_URL_NAMES:
            return None
        if has_confirmed_device(user):
            target = "operations_two_factor_verify"
        elif is_two_factor_required(user):
            target = "operations_two_factor_setup"
        else:
            return None
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
