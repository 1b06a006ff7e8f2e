from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from rapporteur.editorial.roles import ROLES, RoleError, describe_roles, grant_role, revoke_role


class Command(BaseCommand):
    help = (
        "Give a user a role, for one region where the role is regional, for one language for translators. "
        "The change is audited."
    )

    revoke = False

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "role", choices=sorted(ROLES), help="The role to " + ("take away." if self.revoke else "give.")
        )
        parser.add_argument("--region", help="Region slug, for researchers and regional editors (e.g. africa).")
        parser.add_argument("--language", help="Language code, for translators (e.g. fr).")

    def handle(self, *args, username, role, region=None, language=None, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(
                f"There is no user “{username}”. Create the account first (Settings → Users in the admin)."
            )
        try:
            group = (revoke_role if self.revoke else grant_role)(user, role, region, language)
        except RoleError as error:
            raise CommandError(str(error)) from error
        verb = "no longer has" if self.revoke else "now has"
        self.stdout.write(self.style.SUCCESS(f"{username} {verb} the group “{group.name}”."))
        self.stdout.write("Roles: " + (", ".join(describe_roles(user)) or "none"))
