"""The yearly account (Jahresbericht): the year's work from the portal's data, and its
finances, as a PDF (`templates/pdf/annual_report.html`).

The apps below this one (partners, working groups, events) are read directly. The
mailings belong to the cockpit, one layer above: it registers its figures with
`@figures.register()` (`cockpit/annual_report.py`), the way higher apps add sections to
lower pages (`buendnis/sections.py`), so this module never imports it. Composing the
report in the cockpit instead would have put the steering group's finances above
the cockpit's import of them; the registry keeps both where the layers put them.
"""

import datetime

from django.db.models import Count, F, Q
from django.utils import timezone

from arbeitsgruppen.models import Project, WorkingGroup
from buendnis.lib.pdf import render_pdf
from buendnis.lib.registry import Registry
from buendnis.models import Alliance
from events.models import Event, Suggestion
from finances.figures import year_figures
from partners.models import Signature

# Further lines of the report from higher apps: each registered function takes the year
# and returns a list of (label, number).
figures = Registry()


def _year_bounds(year):
    tz = timezone.get_current_timezone()
    start = datetime.datetime(year, 1, 1, tzinfo=tz)
    return start, start.replace(year=year + 1)


def activity(year):
    start, end = _year_bounds(year)
    in_year = {"__gte": start, "__lt": end}

    def within(name):
        return {f"{name}{suffix}": value for suffix, value in in_year.items()}

    signatures = Signature.objects.select_related("partner").order_by("partner__name")
    return {
        "joined": [s.partner for s in signatures.filter(confirmed_at__isnull=False, **within("signed_at"))],
        "left": [s.partner for s in signatures.filter(**within("withdrawn_at"))],
        "groups_started": list(WorkingGroup.objects.filter(started_on__year=year).order_by("name")),
        "groups_ended": list(WorkingGroup.objects.filter(ended_on__year=year).order_by("name")),
        "projects_started": list(Project.objects.filter(starts_on__year=year).order_by("title")),
        "projects_ended": list(Project.objects.filter(ends_on__year=year).order_by("title")),
        "meetings": list(
            # The meetings held: a report written in December lists no later dates.
            Event.objects.filter(starts_at__gte=start, starts_at__lt=min(end, timezone.now()))
            .annotate(present=Count("minutes__partners_present"), guests=F("minutes__number_of_guests"))
            .order_by("starts_at")
        ),
        "suggestions": Suggestion.objects.filter(**within("settled_at")).aggregate(
            answered=Count("pk"), done=Count("pk", filter=Q(status=Suggestion.Status.DONE))
        ),
        "more": [line for _key, lines in figures.results(year) for line in lines],
    }


def context(report, draft):
    alliance = Alliance.current()
    return {
        "alliance": alliance,
        "document_title": f"Jahresbericht {report.year}",
        "draft": draft,
        "report": report,
        "activity": activity(report.year),
        "finances": year_figures(report.year),
    }


def render(report, draft=True):
    """The PDF of the yearly account as it would be approved now."""
    return render_pdf("pdf/annual_report.html", context(report, draft))
