"""Wagtail's ``publish_scheduled``, skipping confidential revisions instead of failing on them.

Run it from cron every few minutes; see docs/workflow.md.
"""

import logging

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.management.commands.publish_scheduled import Command as WagtailCommand
from wagtail.models import Revision

from editorial.publishing import CONFIDENTIAL_MESSAGE

logger = logging.getLogger(__name__)


class Command(WagtailCommand):
    help = _(
        "Publish the revisions whose scheduled time has come and unpublish expired pages. "
        "Revisions marked confidential are never published: their schedule is cancelled."
    )

    def handle(self, *args, **options):
        due_confidential = Revision.objects.filter(
            approved_go_live_at__lt=timezone.now(), content__is_confidential=True
        )
        for revision in due_confidential:
            message = CONFIDENTIAL_MESSAGE % {"title": revision.object_str}
            self.stderr.write(self.style.ERROR(str(message)))
            logger.warning("Cancelled the schedule of confidential revision %s", revision.pk)
            if not options["dryrun"]:
                revision.approved_go_live_at = None
                revision.save(update_fields=["approved_go_live_at"])
        super().handle(*args, **options)
