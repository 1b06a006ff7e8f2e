from django.core.management.base import BaseCommand

from rapporteur.demo.loader import ADMIN_USERNAME, REVIEW_REGION, REVIEWERS, load_demo
from rapporteur.reports.models import Region


class Command(BaseCommand):
    help = "Load the demo editions (Annual Report 2013 and 2012). Safe to run again: only what is missing is created."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset-admin-password",
            action="store_true",
            help="Give the demo admin account a new random password and print it.",
        )

    def handle(self, *args, reset_admin_password=False, **options):
        result = load_demo(reset_admin_password=reset_admin_password)
        if result.created:
            self.stdout.write(f"Created {len(result.created)} items (pages, vocabulary, settings).")
        else:
            self.stdout.write("Demo content already present; nothing to do.")
        if result.admin_password:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Admin login: username '{ADMIN_USERNAME}', password '{result.admin_password}'"
                    " (shown once; keep it or reset it with --reset-admin-password)."
                )
            )
        else:
            self.stdout.write(
                f"Admin login: username '{ADMIN_USERNAME}' with the password printed when it was created"
                " (forgot it? make admin-password)."
            )
        if result.reviewer_password:
            accounts = ", ".join(f"'{username}' ({role.replace('_', ' ')})" for username, role, _ in REVIEWERS)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Review team for {Region.objects.get(slug=REVIEW_REGION).name}: {accounts}, "
                    f"all with password '{result.reviewer_password}' (shown once; reset with --reset-admin-password). "
                    "Their workflow emails are printed in this terminal."
                )
            )
        self.stdout.write(
            "On first sign-in you set up two-factor authentication: scan the QR code with an authenticator app "
            "(or use the key shown, e.g. `oathtool --totp -b <key>`)."
        )
