"""Passkeys move from the editorial app to accounts, keeping every row.

The model is taken over in Django's state only, then its table is renamed to this app's
name; the content type moves with it, so permissions and django-otp's device references
(``accounts.passkeydevice/<id>``) follow.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="accounts", model="passkeydevice").exists():
        ContentType.objects.filter(app_label="editorial", model="passkeydevice").update(app_label="accounts")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("editorial", "0002_passkeys"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PasskeyDevice",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("name", models.CharField(help_text="The human-readable name of this device.", max_length=64)),
                        ("confirmed", models.BooleanField(default=True, help_text="Is this device ready for use?")),
                        (
                            "created_at",
                            models.DateTimeField(
                                auto_now_add=True,
                                help_text="The date and time when this device was initially created in the system.",
                                null=True,
                            ),
                        ),
                        (
                            "last_used_at",
                            models.DateTimeField(
                                blank=True, help_text="The most recent date and time this device was used.", null=True
                            ),
                        ),
                        ("credential_id", models.BinaryField(unique=True)),
                        ("public_key", models.BinaryField()),
                        ("sign_count", models.PositiveBigIntegerField(default=0)),
                        ("transports", models.JSONField(blank=True, default=list)),
                        (
                            "user",
                            models.ForeignKey(
                                help_text="The user that this device belongs to.",
                                on_delete=django.db.models.deletion.CASCADE,
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={"verbose_name": "passkey", "db_table": "editorial_passkeydevice"},
                ),
            ]
        ),
        migrations.AlterModelTable(name="passkeydevice", table=None),
        migrations.RunPython(move_content_type, migrations.RunPython.noop),
    ]
