"""Background tasks in tests: stored in the database as in operation, run by the worker."""

import io
from unittest import mock

from django.core.management import call_command

# With the fixture `database_tasks` (tests/conftest.py) tasks are stored, not run at once.
DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_background_tasks():
    """What `manage.py db_worker` does in operation, once over every queued task."""
    # The worker closes old connections between tasks; the test database lives in memory.
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command(
            "db_worker", "--batch", "--no-startup-delay", "--queue-name", "*",
            stdout=io.StringIO(), stderr=io.StringIO(),
        )
