import datetime

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from units.merging import merge_units
from units.models import UnitPage


def iso_date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(value) from None


class Command(BaseCommand):
    help = _(
        "Merge units into another: the merged units are unpublished and their addresses "
        "redirect permanently to the unit that continues."
    )

    def add_arguments(self, parser):
        parser.add_argument("sources", nargs="+", type=int, help=_("Ids of the units to merge."))
        parser.add_argument(
            "--into", type=int, required=True, help=_("Id of the unit that continues.")
        )
        parser.add_argument(
            "--date",
            type=iso_date,
            default=None,
            help=_("Date of the merge as YYYY-MM-DD (default: today)."),
        )

    def handle(self, *args, sources, into, date, **options):
        units = {unit.pk: unit for unit in UnitPage.objects.filter(pk__in=[*sources, into])}
        missing = [str(pk) for pk in [*sources, into] if pk not in units]
        if missing:
            raise CommandError(
                _("No unit has the id %(ids)s. Find ids in the units' admin addresses.")
                % {"ids": ", ".join(missing)}
            )
        try:
            redirects = merge_units([units[pk] for pk in sources], units[into], merged_on=date)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(
            self.style.SUCCESS(
                _("%(count)d units merged into “%(target)s”; %(redirects)d redirects written.")
                % {"count": len(sources), "target": units[into].title, "redirects": redirects}
            )
        )
