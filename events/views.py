from datetime import timedelta

from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST, require_safe
from django.views.generic import ListView

from arbeitsgruppen.models import WorkingGroup
from buendnis.lib.paging import LenientPaginationMixin, paginate
from buendnis.lib.pdf import pdf_response
from buendnis.models import Alliance
from buendnis.ratelimit import ratelimit
from events import calendar, documents, services, structured_data
from events.forms import AcceptForm, RegistrationForm, SuggestionForm
from events.listing import event_items
from events.models import AgendaItem, Event, Invitation, Minutes, Registration, Suggestion
from partners.models import Partner

PAST_PER_PAGE = 30
UPCOMING_PER_PAGE = 20
ANSWERS_PER_PAGE = 10
# The feed keeps a year of past dates, so subscribers still see what happened recently.
FEED_PAST_DAYS = 365


def _public_events():
    return Event.objects.public().for_entries().with_places_taken()


def _minutes_with_content():
    """Minutes with everything the minutes section shows, in a fixed number of queries."""
    return Minutes.objects.prefetch_related(
        Prefetch("items", queryset=AgendaItem.objects.prefetch_related("tasks")),
        # Only partners the public directory shows (active and listed) appear by name.
        Prefetch("partners_present", queryset=Partner.objects.public().order_by("name")),
        Prefetch("event__suggestions", queryset=Suggestion.objects.order_by("created_at")),
    ).select_related("event")


class EventListView(LenientPaginationMixin, ListView):
    """Upcoming dates, paginated like the archive: a large alliance has a hundred ahead."""

    template_name = "events/event_list.html"
    paginate_by = UPCOMING_PER_PAGE
    page_kwarg = "seite"
    context_object_name = "events"
    show_minutes_state = False

    def get_queryset(self):
        return Event.objects.public().for_entries().upcoming()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        items = event_items(
            context["events"], heading_level=2, show_minutes_state=self.show_minutes_state
        )
        return {**context, "items": items}


class PastEventListView(EventListView):
    template_name = "events/past_list.html"
    paginate_by = PAST_PER_PAGE
    show_minutes_state = True

    def get_queryset(self):
        return Event.objects.public().for_entries().past()


def _render_detail(request, event, form=None, status=200):
    minutes = None
    if event.public_minutes:
        minutes = _minutes_with_content().get(pk=event.minutes.pk)
    if form is None and event.can_register:
        form = RegistrationForm(event=event)
    context = {
        "event": event, "form": form, "minutes": minutes,
        "structured_data": structured_data.event(event, Alliance.current(), request),
    }
    return render(request, "events/event_detail.html", context, status=status)


@require_GET
def event_detail(request, slug):
    event = get_object_or_404(_public_events(), slug=slug)
    return _render_detail(request, event)


@require_POST
@ratelimit("event_registration")
def register(request, slug):
    event = get_object_or_404(_public_events(), slug=slug)
    refusal = event.registration_refusal()
    if refusal:
        messages.error(request, refusal)
        return _render_detail(request, event, status=400)
    form = RegistrationForm(request.POST, event=event)
    if not form.is_valid():
        return _render_detail(request, event, form=form, status=400)
    try:
        services.register(event, form.cleaned_data)
    except services.Refused as refused:
        form.add_error(None, refused.message)
        return _render_detail(request, event, form=form, status=400)
    return redirect("events:registered", slug=event.slug)


@require_GET
def registered(request, slug):
    event = get_object_or_404(_public_events(), slug=slug)
    return render(request, "events/registered.html", {"event": event})


def _link_problem(request, title, text, status):
    context = {"problem_title": title, "problem_text": text}
    return render(request, "events/link_problem.html", context, status=status)


def _unknown_link(request):
    return _link_problem(
        request,
        _("Dieser Link ist ungültig"),
        _("Der Link ist unvollständig oder gehört zu keiner Anmeldung oder Einladung. Bitte "
          "kopieren Sie ihn vollständig aus Ihrer E-Mail oder wenden Sie sich an die "
          "Koordination."),
        status=404,
    )


@require_http_methods(["GET", "POST"])
def cancel(request, token):
    registration = Registration.objects.select_related("event").filter(token=token).first()
    if registration is None:
        return _unknown_link(request)
    if request.method == "POST":
        try:
            services.cancel_registration(registration)
        except services.Refused as refused:
            return _link_problem(request, _("Abmeldung nicht möglich"), refused.message, 409)
        return render(request, "events/cancelled.html", {"registration": registration})
    if registration.cancelled_at:
        return _link_problem(
            request,
            _("Bereits abgemeldet"),
            _("Diese Anmeldung wurde bereits storniert. Sie müssen nichts weiter tun."),
            410,
        )
    return render(request, "events/cancel.html", {"registration": registration})


def _invitation(request, token):
    """The invitation a personal link names, or the German page that explains why not.

    A link ends with the membership: a withdrawn partner's invitation no longer opens,
    nor the minutes it may have shown (410).
    """
    invitation = (
        Invitation.objects.select_related(
            "event", "event__working_group", "event__minutes", "partner", "membership"
        )
        .filter(token=token)
        .first()
    )
    if invitation is None:
        return None, _unknown_link(request)
    if not invitation.partner.is_member or invitation.is_of_an_ended_membership:
        return None, _link_problem(
            request,
            _("Diese Einladung gilt nicht mehr"),
            _("Die Mitgliedschaft der Organisation im Bündnis ist beendet; damit enden auch ihre "
              "persönlichen Links. Wer wieder mitmachen möchte, unterzeichnet die "
              "Bündniserklärung neu."),
            410,
        )
    return invitation, None


@require_GET
def invitation_detail(request, token):
    invitation, refusal = _invitation(request, token)
    if refusal:
        return refusal
    minutes = invitation.event.approved_minutes
    if minutes:
        minutes = _minutes_with_content().get(pk=minutes.pk)
    context = {"invitation": invitation, "event": invitation.event, "minutes": minutes}
    return render(request, "events/invitation.html", context)


def _replies_closed(request):
    return _link_problem(
        request,
        _("Antworten nicht mehr möglich"),
        _("Die Veranstaltung hat bereits begonnen. Zu- und Absagen sind nicht mehr möglich."),
        410,
    )


@require_http_methods(["GET", "POST"])
def accept(request, token):
    invitation, refusal = _invitation(request, token)
    if refusal:
        return refusal
    if not invitation.event.accepts_replies:
        return _replies_closed(request)
    initial = {"number_of_people": invitation.number_of_people or 1}
    form = AcceptForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.reply(invitation, accept=True, number_of_people=form.cleaned_data["number_of_people"])
        messages.success(request, _("Vielen Dank für Ihre Zusage!"))
        return redirect(invitation)
    status = 400 if form.errors else 200
    context = {"invitation": invitation, "event": invitation.event, "form": form}
    return render(request, "events/accept.html", context, status=status)


@require_http_methods(["GET", "POST"])
def decline(request, token):
    invitation, refusal = _invitation(request, token)
    if refusal:
        return refusal
    if not invitation.event.accepts_replies:
        return _replies_closed(request)
    if request.method == "POST":
        services.reply(invitation, accept=False)
        messages.success(request, _("Danke für Ihre Rückmeldung. Schade, dass Sie nicht kommen können."))
        return redirect(invitation)
    return render(request, "events/decline.html", {"invitation": invitation, "event": invitation.event})


def _ics_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def event_ics(request, slug):
    event = get_object_or_404(Event.objects.public(), slug=slug)
    return _ics_response(calendar.event_ics(event), f"{event.slug}.ics")


# The feeds by kind of event: /termine/kalender/<name>.ics
KIND_FEEDS = {
    "buendnistreffen": Event.Kind.PLENARY,
    "gruendung": Event.Kind.FOUNDING,
    "arbeitsgruppen": Event.Kind.WORKING_GROUP,
    "veranstaltungen": Event.Kind.PUBLIC,
}


def _feed(events, name, filename):
    """A subscribable calendar of `events`: a year back and everything ahead."""
    since = timezone.now() - timedelta(days=FEED_PAST_DAYS)
    events = events.filter(ends_at__gte=since).order_by("starts_at")
    response = _ics_response(calendar.feed_ics(events, name), filename)
    # Calendar apps subscribe to the feed; show it inline rather than as a download.
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
def feed(request):
    return _feed(Event.objects.public(), Alliance.current().display_name, "kalender.ics")


@require_GET
def kind_feed(request, name):
    if name not in KIND_FEEDS:
        raise Http404
    kind = KIND_FEEDS[name]
    title = f"{Alliance.current().display_name}: {Event.Kind(kind).label}"
    return _feed(Event.objects.public().filter(kind=kind), title, f"{name}.ics")


@require_GET
def group_feed(request, slug):
    group = get_object_or_404(WorkingGroup.objects.public(), slug=slug)
    title = f"{Alliance.current().display_name}: {group.name}"
    return _feed(Event.objects.public().filter(working_group=group), title, f"{group.slug}.ics")


@require_safe
def minutes_pdf(request, slug):
    """The approved, public minutes of a public event; anything else is not found."""
    minutes = get_object_or_404(
        Minutes.objects.public().select_related("event", "event__working_group"), event__slug=slug
    )
    return pdf_response(request, documents.minutes_pdf_file(minutes), documents.minutes_filename(minutes))


@require_safe
def invitation_minutes_pdf(request, token):
    """Approved minutes for an invited partner, also those meant for partners only."""
    invitation, refusal = _invitation(request, token)
    if refusal:
        return refusal
    minutes = get_object_or_404(
        Minutes.objects.approved().select_related("event", "event__working_group"),
        event=invitation.event,
    )
    stored = documents.minutes_pdf_file(minutes)
    return pdf_response(request, stored, documents.minutes_filename(minutes), private=True)


@ratelimit("suggestions")
def suggestions(request):
    """Wünsche und Anregungen: anyone may send one; answered ones are shown below the form."""
    # A working group's contact link leads here with ?arbeitsgruppe=<slug>.
    group_slug = request.POST.get("working_group") or request.GET.get("arbeitsgruppe")
    group = WorkingGroup.objects.public().filter(slug=group_slug).first() if group_slug else None
    initial = {"working_group": group.slug, "field_of_action": group.field_of_action_id} if group else {}
    form = SuggestionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.submit_suggestion(form)
        messages.success(
            request,
            _("Vielen Dank! Ihre Anregung ist bei uns angekommen. Die Koordination kümmert sich darum."),
        )
        return redirect("events:suggestions")
    answers = paginate(Suggestion.objects.public(), ANSWERS_PER_PAGE, request.GET.get("seite"))
    context = {"form": form, "working_group": group, "answers": answers}
    return render(request, "events/suggestions.html", context, status=400 if form.errors else 200)
