from .grant_role import Command as GrantRoleCommand


class Command(GrantRoleCommand):
    help = "Take a role away from a user. The change is audited."
    revoke = True
