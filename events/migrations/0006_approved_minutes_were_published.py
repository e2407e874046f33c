from django.db import migrations
from django.db.models import F


def publish_approved(apps, schema_editor):
    """Until now approval made minutes public at once: those stay published."""
    Minutes = apps.get_model("events", "Minutes")
    Minutes._base_manager.filter(status="approved", published_at__isnull=True).update(
        published_at=F("approved_at")
    )


class Migration(migrations.Migration):
    dependencies = [("events", "0005_meeting_cycle")]

    operations = [migrations.RunPython(publish_approved, migrations.RunPython.noop)]
