from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from home.demo.content import DEMO_ADMIN_USERNAME, DEMO_BOARD_USERS, DemoContentBuilder
from home.demo.generated import add_generated_articles


class Command(BaseCommand):
    help = _(
        "Create the Vietnamese demo site once: units, sections, articles, an album, a notice, "
        "the portal's regulation as a legal document, menus and a demo administrator. "
        "Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-admin",
            action="store_true",
            help=_("Do not create the demo administrator account (default: create it)."),
        )
        parser.add_argument(
            "--no-board",
            action="store_true",
            help=_(
                "Do not create the demo accounts of the editorial roles (default: create them)."
            ),
        )
        parser.add_argument(
            "--articles",
            type=int,
            default=0,
            metavar="N",
            help=_(
                "Also add generated articles spread over the sections until there are N of them, "
                "for benchmarks of a large portal (default: 0)."
            ),
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        if options["articles"] < 0:
            raise CommandError(
                _("The number of generated articles must be 0 or more, not %(number)s.")
                % {"number": options["articles"]}
            )
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError(
                _(
                    "Demo content is disabled by the settings in use (DEMO_CONTENT_ALLOWED is off). "
                    "Run this command with the development settings only."
                )
            )
        builder = DemoContentBuilder(report=self.report)
        builder.build()
        password = None if options["no_admin"] else builder.demo_admin()
        if password:
            self.stdout.write(
                self.style.WARNING(
                    _(
                        "Demo administrator: %(username)s / %(password)s (shown only now; "
                        "change it at /admin/account/)."
                    )
                    % {"username": DEMO_ADMIN_USERNAME, "password": password}
                )
            )
        board_password = None if options["no_board"] else builder.demo_board_users()
        if board_password:
            self.stdout.write(
                self.style.WARNING(
                    _(
                        "Demo editorial accounts %(usernames)s share the password %(password)s "
                        "(shown only now; change it at /admin/account/)."
                    )
                    % {
                        "usernames": ", ".join(name for name, *_rest in DEMO_BOARD_USERS),
                        "password": board_password,
                    }
                )
            )
        builder.board_reports()
        if options["articles"]:
            try:
                added = add_generated_articles(options["articles"], report=self.report_generated)
            except ValueError as error:
                raise CommandError(str(error)) from error
            self.stdout.write(
                _("Generated articles added: %(added)s; in all: %(total)s.")
                % {"added": added, "total": options["articles"]}
            )
        self.stdout.write(self.style.SUCCESS(_("Demo content is ready.")))

    def report_generated(self, count):
        if self.verbosity > 1:
            self.stdout.write(_("Generated articles so far: %(count)s") % {"count": count})

    def report(self, label, created):
        if created:
            self.stdout.write(_("Created: %(label)s") % {"label": label})
        elif self.verbosity > 1:
            self.stdout.write(_("Already present: %(label)s") % {"label": label})
