from django.db import migrations


class Migration(migrations.Migration):
    """Passkeys now belong to the accounts app, which takes over their table (accounts.0001)."""

    dependencies = [
        ("editorial", "0003_launch_is_the_edition_go_live_time"),
        ("accounts", "0001_passkeys_from_editorial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="PasskeyDevice")]),
    ]
