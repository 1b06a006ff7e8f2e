from django.core.management.base import BaseCommand

from rapporteur.editorial.roles import ROLES, sync_roles


class Command(BaseCommand):
    help = "Create or repair the role groups (per region where needed), their permissions and review workflows."

    def handle(self, *args, **options):
        sync_roles()
        for role in ROLES.values():
            scope = "per region" if role.regional else "all editions"
            self.stdout.write(f"{role.label} ({scope}): {role.description}")
