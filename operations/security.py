from django.conf import settings


def client_ip(request):
    """Return the client address that django-axes records for failed sign-ins.

    Behind the project's nginx, REMOTE_ADDR is the proxy, so ``TRUST_X_REAL_IP`` makes the
    address nginx puts in X-Real-IP count instead.
    """
    if settings.TRUST_X_REAL_IP and request.META.get("HTTP_X_REAL_IP"):
        return request.META["HTTP_X_REAL_IP"]
    return request.META.get("REMOTE_ADDR")
