"""`analyze_database` gives the query planner its statistics (weekly cron, after fill_bench
and restore): without them SQLite reads a partner's projects by scanning every project of
the alliance."""

import io

from django.core.management import call_command
from django.db import connection

from arbeitsgruppen.models import Project
from tests.factories import PartnerFactory, ProjectFactory


def test_the_planner_gets_statistics_and_reads_a_partners_projects_from_its_rows(alliance, declaration):
    partner = PartnerFactory(name="Bäckerei Korn")
    for number in range(30):
        ProjectFactory(title=f"Projekt {number}", partners=[partner] if number < 2 else [])
    out = io.StringIO()
    call_command("analyze_database", stdout=out)
    assert "Statistiken der Datenbank aktualisiert" in out.getvalue()
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'arbeitsgruppen_project_partners'")
            assert cursor.fetchone()[0] > 0
            plan = Project.objects.public().filter(partners=partner).explain()
            assert "arbeitsgruppen_project_partners" in plan.splitlines()[0], plan
        else:
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'arbeitsgruppen_project'")
            assert cursor.fetchone()[0] >= 30  # -1 until analyzed
