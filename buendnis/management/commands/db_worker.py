"""django-tasks' `db_worker`, which first warms the PDF renderer (issue 22): the worker's
first document (minutes, an attendance list) is then no slower than the next ones."""

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from buendnis.lib.pdf import warm_renderer


class Command(DatabaseWorkerCommand):
    def handle(self, *args, **options):
        seconds = warm_renderer()
        self.stdout.write(f"PDF-Renderer vorgewärmt ({seconds * 1000:.0f} ms).")
        return super().handle(*args, **options)
