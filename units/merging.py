"""Merging units: communes and offices are merged often, and their old addresses must live on.

A merged unit is not deleted. It is unpublished and marked as merged into its successor,
so that the works it provided keep naming it, and every address of it and of its subpages
redirects permanently to the successor.
"""

import datetime
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import log

from .models import Spokesperson, UnitPage

logger = logging.getLogger(__name__)


def check_merge(sources, target):
    """Raise ValidationError when ``sources`` cannot be merged into ``target``."""
    if not sources:
        raise ValidationError(_("Choose at least one unit to merge."))
    if not target.live or target.merged_into_id:
        raise ValidationError(
            _("“%(unit)s” is not a live unit, so no unit can be merged into it.")
            % {"unit": target.title}
        )
    for source in sources:
        if source.pk == target.pk:
            raise ValidationError(
                _("“%(unit)s” cannot be merged into itself.") % {"unit": source.title}
            )
        if source.merged_into_id:
            raise ValidationError(
                _("“%(unit)s” was already merged into another unit.") % {"unit": source.title}
            )


def redirect_old_paths(page, target):
    """Redirect the addresses of ``page`` and its subpages, on every site, to ``target``."""
    count = 0
    for old_page in [page, *page.get_descendants()]:
        url_parts = old_page.get_url_parts()
        if url_parts is None:
            continue
        site_id, _root_url, page_path = url_parts
        Redirect.objects.update_or_create(
            old_path=Redirect.normalise_path(page_path),
            site_id=site_id,
            defaults={"redirect_page": target, "redirect_link": "", "is_permanent": True},
        )
        count += 1
    return count


def move_child_units(source, target, user):
    """Make the units that reported to ``source`` report to ``target``, publishing live ones."""
    for child in UnitPage.objects.filter(parent_unit=source):
        publish = child.live and not child.has_unpublished_changes
        draft = child.get_latest_revision_as_object()
        draft.parent_unit = target
        revision = draft.save_revision(user=user, log_action=True)
        if publish:
            revision.publish(user=user)


def unpublish_with_descendants(page, user):
    """Unpublish ``page`` and its live subpages.

    The merge permission covers unpublishing, whatever the user's page permissions, so
    each page is unpublished on its own: Wagtail's include_descendants option would check
    the user's permission on every subpage.
    """
    live_pages = [page] if page.live else []
    live_pages += list(page.get_descendants().live().specific())
    for live_page in live_pages:
        UnpublishPageAction(live_page, user=user).execute(skip_permission_checks=True)


@transaction.atomic
def merge_units(sources, target, user=None, merged_on=None):
    """Merge every unit in ``sources`` into ``target``.

    Each source is marked as merged and unpublished with its subpages; its addresses
    redirect to ``target``; units under it move under ``target``; its spokespersons in
    office end their role on the day before the merge. Works it provided stay attributed
    to it by name. Returns the number of redirects written.
    """
    merged_on = merged_on or timezone.localdate()
    check_merge(sources, target)
    redirects = 0
    for source in sources:
        source.merged_into = target
        source.merged_on = merged_on
        # merged_into is not part of the editor's form, so it is stored on the page row
        # directly; revisions copy it from there when they are created.
        UnitPage.objects.filter(pk=source.pk).update(merged_into=target, merged_on=merged_on)
        redirects += redirect_old_paths(source, target)
        move_child_units(source, target, user)
        Spokesperson.objects.current(merged_on).filter(unit=source).update(
            ended_on=merged_on - datetime.timedelta(days=1)
        )
        unpublish_with_descendants(source, user)
        log(
            instance=source,
            action="units.merge",
            user=user,
            data={
                "target_id": target.pk,
                "target_title": target.title,
                "merged_on": merged_on.strftime("%d/%m/%Y"),
            },
        )
        logger.info("Merged unit %s into unit %s", source.pk, target.pk)
    return redirects
