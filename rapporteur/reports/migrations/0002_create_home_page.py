"""Replace Wagtail's placeholder welcome page with the English HomePage as the site root."""

import uuid

from django.db import migrations


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    Locale = apps.get_model("wagtailcore.Locale")
    HomePage = apps.get_model("reports.HomePage")

    page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    Page.objects.filter(content_type=page_type, slug="home", depth=2, numchild=0).delete()
    if HomePage.objects.exists():
        return
    home_type, _ = ContentType.objects.get_or_create(app_label="reports", model="homepage")
    locale, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.objects.get(depth=1)
    home = HomePage.objects.create(
        title="Human rights reports",
        draft_title="Human rights reports",
        slug="home",
        content_type=home_type,
        path=root.path + "0001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        translation_key=uuid.uuid4(),
        live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.filter(is_default_site=True).delete()
    Site.objects.create(hostname="localhost", port=80, root_page_id=home.pk, is_default_site=True, site_name="Rapporteur")


def remove_home_page(apps, schema_editor):
    apps.get_model("reports.HomePage").objects.filter(slug="home", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]

    operations = [migrations.RunPython(create_home_page, remove_home_page)]
