"""The numbers on the coordinator's dashboard (admin index), in a fixed number of queries."""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce, TruncMonth
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from arbeitsgruppen.models import Project, WorkingGroup
from buendnis.models import Alliance, FieldOfAction
from cockpit import charts
from events.models import Event, Invitation, Minutes, Registration, Suggestion
from partners.models import Partner, Signature
from partners.yearly_check import due_for_check, unreachable

UPCOMING_EVENTS = 8
LISTED_ROWS = 10
# Beyond this many months the chart shows one point per year instead of per month.
MAX_MONTHLY_POINTS = 36


def admin_url(name, *args):
    """The admin URL, or None while the app's admin is not registered."""
    try:
        return reverse(f"admin:{name}", args=args)
    except NoReverseMatch:
        return None


def _with_query(url, query):
    return f"{url}?{query}" if url else None


def start_of_year(now=None):
    now = timezone.localtime(now)
    return now.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)


def overdue_partners():
    """Active partners whose entry was not confirmed in the last twelve months (or never),
    and who still get reminders."""
    return due_for_check().exclude(pk__in=unreachable().values("pk"))


def _sum(queryset, field):
    """A subquery summing `field` over `queryset` rows of the outer event (0 if none)."""
    total = queryset.filter(event=OuterRef("pk")).values("event").annotate(total=Sum(field))
    return Coalesce(Subquery(total.values("total")[:1]), Value(0), output_field=IntegerField())


def _count(queryset):
    total = queryset.filter(event=OuterRef("pk")).values("event").annotate(total=Count("pk"))
    return Coalesce(Subquery(total.values("total")[:1]), Value(0), output_field=IntegerField())


def upcoming_events():
    accepted = Invitation.objects.accepted()
    registrations = Registration.objects.filter(cancelled_at__isnull=True)
    return (
        Event.objects.upcoming()
        .select_related("working_group")
        .annotate(
            invited=_count(Invitation.objects.current()),
            accepted=_count(accepted),
            accepted_people=_sum(accepted, "number_of_people"),
            declined=_count(Invitation.objects.current().filter(reply=Invitation.Reply.DECLINED)),
            registered=_count(registrations),
            registered_people=_sum(registrations, "number_of_people"),
            childcare=_count(registrations.filter(childcare_needed=True)),
        )[:UPCOMING_EVENTS]
    )


def fields_of_action():
    return FieldOfAction.objects.annotate(
        active_groups=Count(
            "working_groups",
            filter=Q(working_groups__status=WorkingGroup.Status.ACTIVE),
            distinct=True,
        ),
        running_projects=Count(
            "projects", filter=Q(projects__status=Project.Status.RUNNING), distinct=True
        ),
    )


@dataclass
class Point:
    label: str
    value: int


def active_partners_over_time(today=None):
    """How many partners were active at the end of each month (or year), up to today.

    Each confirmed signature adds one partner in the month it was signed (a paper
    signature in the month on paper, not when it was entered) and removes it in the
    month it was withdrawn; two grouped queries give the changes.
    """
    today = today or timezone.localdate()
    confirmed = Signature.objects.filter(confirmed_at__isnull=False)
    joined = _per_month(confirmed, "signed_at")
    left = _per_month(confirmed.filter(withdrawn_at__isnull=False), "withdrawn_at")
    if not joined:
        return []
    month = min(joined)
    last = (today.year, today.month)
    months = []
    while month <= last:
        months.append(month)
        month = (month[0] + month[1] // 12, month[1] % 12 + 1)
    points, active = [], 0
    for year, number in months:
        active += joined.get((year, number), 0) - left.get((year, number), 0)
        points.append(Point(f"{number:02d}/{year}", active))
    if len(points) > MAX_MONTHLY_POINTS:
        # One point per year: the number at the end of the year (or today).
        by_year = {}
        for point in points:
            by_year[point.label[-4:]] = point.value
        points = [Point(year, value) for year, value in by_year.items()]
    return points


def _per_month(queryset, field):
    rows = (
        queryset.annotate(month=TruncMonth(field))
        .values("month")
        .annotate(number=Count("pk"))
        .values_list("month", "number")
    )
    changes = Counter()
    for month, number in rows:
        month = timezone.localtime(month) if isinstance(month, datetime.datetime) else month
        changes[(month.year, month.month)] += number
    return changes


def partners_by_kind():
    counts = dict(
        Partner.objects.active().values("kind").annotate(number=Count("pk")).values_list("kind", "number")
    )
    return [
        Point(str(label), counts[kind]) for kind, label in Partner.Kind.choices if counts.get(kind)
    ]


def collect(user):
    """Everything the dashboard shows; the number of queries does not depend on the data."""
    alliance = Alliance.current()
    year_start = start_of_year()
    active = Partner.objects.active()
    waiting_for_release = None
    if alliance.moderate_new_partners:
        # Partners who asked to be listed; the others stay hidden by their own choice.
        waiting = active.filter(listed=False, wants_listing=True).order_by("name")
        waiting_for_release = list(waiting[: LISTED_ROWS + 1])
    overdue = overdue_partners().order_by("entry_confirmed_at", "name")
    over_time = active_partners_over_time()
    by_kind = partners_by_kind()
    return {
        "alliance": alliance,
        "year": year_start.year,
        "numbers": {
            "active": active.count(),
            # Periods that began this year: by the date of signing, also on paper.
            "new_this_year": Signature.objects.active().filter(signed_at__gte=year_start).count(),
            "unconfirmed": Signature.objects.unconfirmed().count(),
            "withdrawn_this_year": Signature.objects.filter(withdrawn_at__gte=year_start).count(),
            "new_suggestions": Suggestion.objects.new().count(),
            "overdue": overdue.count(),
            "unreachable": unreachable().count(),
        },
        "moderation": alliance.moderate_new_partners,
        "waiting_for_release": waiting_for_release,
        "overdue_partners": list(overdue[:LISTED_ROWS]),
        "unreachable_partners": list(unreachable().order_by("name")[:LISTED_ROWS]),
        "upcoming_events": list(upcoming_events()),
        "draft_minutes": list(
            Minutes.objects.filter(status=Minutes.Status.DRAFT)
            .select_related("event")
            .order_by("event__starts_at")[:LISTED_ROWS]
        ),
        "fields_of_action": list(fields_of_action()),
        "new_suggestions": list(Suggestion.objects.new()[:5]),
        "over_time": over_time,
        "over_time_chart": charts.line_chart(
            over_time,
            title="Aktive Partner im Zeitverlauf",
            description="Zahl der aktiven Partner am Ende jedes Zeitabschnitts.",
        ),
        "by_kind": by_kind,
        "by_kind_chart": charts.bar_chart(
            by_kind,
            title="Aktive Partner nach Art der Organisation",
            description="Zahl der aktiven Partner je Akteursgruppe.",
        ),
        "links": {
            "partners": admin_url("partners_partner_changelist"),
            "unconfirmed": _with_query(admin_url("partners_partner_changelist"), "status=unconfirmed"),
            "suggestions": admin_url("events_suggestion_changelist"),
            "minutes": admin_url("events_minutes_changelist"),
            "mailing_add": admin_url("cockpit_mailing_add") if user.has_perm("cockpit.add_mailing") else None,
        },
    }
