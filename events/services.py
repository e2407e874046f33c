"""Workflows of the events app: registering, cancelling, inviting, replying, approving,
and receiving suggestions."""

import hashlib
import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from buendnis.lib.languages import current_language
from buendnis.tenancy import own_account
from events import documents, emails
from events.models import Event, Invitation, Minutes, Registration, Suggestion
from partners.models import Partner

logger = logging.getLogger(__name__)


class Refused(Exception):
    """The action is not possible; the message says why, in German."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def register(event, data):
    """Store a public registration and send the confirmation with the cancel link.

    `data` is the cleaned data of the RegistrationForm. Raises Refused when the
    event is closed, full, or the address is already registered.
    """
    with transaction.atomic():
        # Lock the event row, so two people cannot take the last place at once.
        event = Event.objects.select_for_update().get(pk=event.pk)
        refusal = event.registration_refusal()
        if refusal:
            raise Refused(refusal)
        people = data["number_of_people"]
        if event.places_left is not None and people > event.places_left:
            raise Refused(
                _("Es sind nur noch %(left)s Plätze frei. Bitte melden Sie weniger Personen an.")
                % {"left": event.places_left}
            )
        if event.registrations.active().filter(email__iexact=data["email"]).exists():
            raise Refused(
                _("Mit dieser E-Mail-Adresse ist bereits eine Anmeldung für diesen Termin "
                  "vorhanden. Den Link zum Abmelden finden Sie in der Bestätigung.")
            )
        registration = Registration.objects.create(
            event=event,
            name=data["name"],
            email=data["email"],
            number_of_people=people,
            childcare_needed=data.get("childcare_needed", False),
            number_of_children=data.get("number_of_children") or 0,
            children_ages=data.get("children_ages", ""),
            accessibility_needs=data.get("accessibility_needs", ""),
            # The confirmation, the calendar entry and later e-mails in the form's language.
            language=current_language(),
        )
    emails.send_registration_confirmation(registration)
    return registration


def cancel_registration(registration):
    if registration.cancelled_at:
        raise Refused(_("Diese Anmeldung wurde bereits storniert."))
    if registration.event.has_started:
        raise Refused(_("Die Veranstaltung hat schon begonnen; eine Abmeldung ist nicht mehr nötig."))
    updated = Registration.objects.filter(pk=registration.pk, cancelled_at__isnull=True).update(
        cancelled_at=timezone.now()
    )
    if not updated:
        raise Refused(_("Diese Anmeldung wurde bereits storniert."))
    registration.refresh_from_db()
    return registration


def reply(invitation, accept, number_of_people=0):
    """Record a partner's answer. It may change its answer until the event begins."""
    if not invitation.event.accepts_replies:
        raise Refused(
            _("Die Veranstaltung hat bereits begonnen. Antworten sind nicht mehr möglich.")
        )
    invitation.reply = Invitation.Reply.ACCEPTED if accept else Invitation.Reply.DECLINED
    invitation.number_of_people = number_of_people if accept else 0
    invitation.replied_at = timezone.now()
    invitation.save(update_fields=["reply", "number_of_people", "replied_at"])
    return invitation


def invitation_targets(event, working_group=None):
    """Active partners with a contact address who have not been sent an invitation yet."""
    already_sent = Invitation.objects.current().filter(
        event=event, partner=OuterRef("pk"), sent_at__isnull=False
    )
    partners = Partner.objects.active().exclude(contact_email="").filter(~Exists(already_sent))
    if working_group is not None:
        partners = partners.filter(working_groups=working_group)
    return partners.order_by("name")


def invitation_of_this_period(event, partner):
    """The partner's invitation for its present membership period: made if there is none,
    so a partner that joined again gets new links, and its old ones stay ended."""
    membership = partner.signatures.open().order_by("-signed_at").first()
    invitation, _created = Invitation.objects.get_or_create(
        event=event, partner=partner, membership=membership
    )
    return invitation


def send_invitations(event, working_group=None):
    """Invite every target partner once; return how many e-mails went out.

    Each invitation is claimed (sent_at set) before its e-mail is sent, so two
    runs at the same time never mail a partner twice. A failed e-mail releases
    the claim, and the next run tries again.
    """
    if event.has_started:
        raise Refused(_("Zu einem Termin, der schon begonnen hat, kann niemand mehr eingeladen werden."))
    sent = 0
    for partner in invitation_targets(event, working_group):
        invitation = invitation_of_this_period(event, partner)
        claimed = Invitation.objects.filter(pk=invitation.pk, sent_at__isnull=True).update(
            sent_at=timezone.now()
        )
        if not claimed:
            continue
        invitation.refresh_from_db()
        try:
            emails.send_invitation(invitation)
        except Exception:
            logger.exception("Einladung an %s konnte nicht versandt werden", partner)
            Invitation.objects.filter(pk=invitation.pk).update(sent_at=None)
            continue
        sent += 1
    return sent


def approve_minutes(minutes, user):
    """Approve and freeze: the PDF as approved is stored with its version and SHA-256.

    From then on the approved PDF is served as stored: a partner's later withdrawal or
    a changed entry does not rewrite what the meeting approved.
    """
    if minutes.is_approved:
        raise Refused(_("Dieses Protokoll ist bereits freigegeben."))
    if not minutes.event.has_started:
        raise Refused(_("Ein Protokoll kann erst nach Beginn der Veranstaltung freigegeben werden."))
    with transaction.atomic():
        minutes = Minutes.objects.select_for_update().select_related("event").get(pk=minutes.pk)
        minutes.status = Minutes.Status.APPROVED
        minutes.approved_at = timezone.now()
        minutes.approved_by = own_account(user)
        minutes.version += 1
        content = documents.render_minutes_pdf(minutes)
        minutes.approved_pdf = content
        minutes.approved_sha256 = hashlib.sha256(content).hexdigest()
        minutes.save()
    return minutes


def reopen_minutes(minutes):
    """Back to a draft, unpublished; the next approval is a new version."""
    minutes.status = Minutes.Status.DRAFT
    minutes.approved_at = None
    minutes.approved_by = None
    minutes.published_at = None
    minutes.approved_pdf = None
    minutes.approved_sha256 = ""
    minutes.save()
    return minutes


def publish_minutes(minutes):
    if not minutes.is_approved:
        raise Refused(_("Nur ein freigegebenes Protokoll kann veröffentlicht werden."))
    if minutes.published_at is None:
        minutes.published_at = timezone.now()
        minutes.save(update_fields=["published_at", "updated_at"])
    return minutes


def submit_suggestion(form):
    """Store a citizen's suggestion and tell the coordinator about it."""
    suggestion = form.save(commit=False)
    # The coordination answers in the language it was written in.
    suggestion.language = current_language()
    suggestion.save()
    form.save_m2m()
    emails.send_new_suggestion(suggestion)
    return suggestion


# --- personal data ---------------------------------------------------------------


def purge_registrations(now=None, dry_run=False):
    """Delete public registrations REGISTRATION_RETENTION_DAYS after their event ended;
    list what went. Names, addresses, children's ages, accessibility needs: all of it."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.REGISTRATION_RETENTION_DAYS)
    due = Registration.objects.filter(event__ends_at__lt=cutoff).select_related("event")
    done = [
        f"Anmeldung zu „{registration.event}“ ({registration.event.starts_at:%d.%m.%Y})"
        for registration in due
    ]
    if not dry_run:
        due.delete()
    return done


def erase_suggestion_contacts(now=None, dry_run=False):
    """Erase name and e-mail of suggestions SUGGESTION_RETENTION_DAYS after they were
    answered or closed; the text and the answer stay. List what was erased."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.SUGGESTION_RETENTION_DAYS)
    due = Suggestion.objects.filter(settled_at__lt=cutoff).exclude(name="", email="")
    done = [f"Name und E-Mail der Anregung „{suggestion}“" for suggestion in due]
    if not dry_run:
        due.update(name="", email="")
    return done


def personal_data_of_registrant(email):
    """Everything stored about a registrant, found by the e-mail address (DSGVO Art. 15)."""
    registrations = Registration.objects.filter(email__iexact=email).select_related("event")
    return {
        "email": email,
        "anmeldungen": [
            {
                "termin": registration.event.title,
                "beginn": registration.event.starts_at.isoformat(),
                "name": registration.name,
                "email": registration.email,
                "personen": registration.number_of_people,
                "kinderbetreuung": registration.childcare_needed,
                "anzahl_kinder": registration.number_of_children,
                "alter_der_kinder": registration.children_ages,
                "barrierefreiheit": registration.accessibility_needs,
                "angemeldet_am": registration.created_at.isoformat(),
                "abgemeldet_am": _iso(registration.cancelled_at),
            }
            for registration in registrations
        ],
    }


def _iso(value):
    return value.isoformat() if value else None
