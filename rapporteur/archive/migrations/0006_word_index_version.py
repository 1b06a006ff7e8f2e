from django.db import migrations, models


class Migration(migrations.Migration):
    """Each edition's word index carries a version, so readers of the records know which editions changed."""

    dependencies = [
        ("archive", "0005_drop_engine_full_text"),
    ]

    operations = [
        migrations.AddField(
            model_name="indexsegment",
            name="version",
            field=models.PositiveBigIntegerField(default=0),
        ),
    ]
