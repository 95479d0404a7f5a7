"""Content-Security-Policy for the public site and a looser one for the admin.

The public policy allows no inline script or style. The few inline blocks that the
site's own templates contain are allowed by their SHA-256 hash, which this module computes
from the template files at start-up, so that a cached page stays valid (a nonce would not).
The Wagtail admin relies on inline scripts and styles, so paths under the admin URL get
``CONTENT_SECURITY_POLICY_ADMIN`` instead.
"""

import base64
import hashlib
import re
from pathlib import Path

from csp.middleware import CSPMiddleware
from django.conf import settings

INLINE_BLOCK = re.compile(r"<(script|style)>(.*?)</\1>", re.DOTALL)


def inline_hashes(*template_paths: Path) -> dict[str, list[str]]:
    """Return CSP hash sources of the inline ``<script>`` and ``<style>`` blocks in templates.

    Only blocks without attributes and without template tags are hashed, because the browser
    hashes the rendered text. The result maps "script" and "style" to lists of sources such
    as ``'sha256-…'``.
    """
    hashes = {"script": [], "style": []}
    for path in template_paths:
        for tag, body in INLINE_BLOCK.findall(path.read_text(encoding="utf-8")):
            if "{%" in body or "{{" in body:
                continue
            digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
            hashes[tag].append(f"'sha256-{digest}'")
    return hashes


def is_admin_path(path: str) -> bool:
    """Return True for paths of the Wagtail admin, whose URL prefix is configurable."""
    return path.startswith("/" + settings.ADMIN_URL_PATH)


class ScopedCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin policy for paths under the admin URL."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts
