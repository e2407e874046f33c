"""Who comes to an event: partners' replies and public registrations as one table."""

import itertools

from buendnis.exports import CHUNK, Column, Table
from buendnis.lib.paging import in_chunks
from events.models import Registration


def _invitation_row(invitation):
    return {
        "kind": "Einladung",
        "organisation": invitation.partner.name,
        "email": invitation.partner.contact_email,
        "reply": invitation.get_reply_display(),
        "people": invitation.number_of_people,
        "date": invitation.replied_at or invitation.sent_at,
    }


def _registration_row(registration):
    return {
        "kind": "Anmeldung",
        "name": registration.name,
        "email": registration.email,
        "reply": "angemeldet",
        "people": registration.number_of_people,
        "childcare": registration.childcare_needed,
        "children": registration.number_of_children,
        "ages": registration.children_ages,
        "accessibility": registration.accessibility_needs,
        "date": registration.created_at,
    }


COLUMNS = [
    Column("Art", lambda row: row["kind"]),
    # An invited partner is an organisation; a registrant is a person.
    Column("Organisation", lambda row: row.get("organisation", "")),
    Column("Name", lambda row: row.get("name", ""), personal=True),
    Column("E-Mail", lambda row: row["email"], personal=True),
    Column("Antwort", lambda row: row["reply"]),
    Column("Personen", lambda row: row["people"]),
    Column("Kinderbetreuung", lambda row: row.get("childcare"), personal=True),
    Column("Anzahl Kinder", lambda row: row.get("children"), personal=True),
    Column("Alter der Kinder", lambda row: row.get("ages", ""), personal=True),
    Column("Barrierefreiheit", lambda row: row.get("accessibility", ""), personal=True),
    Column("Datum", lambda row: row["date"]),
]


def replies_table(event):
    """Invitation replies of partners, then the active public registrations of one event."""
    invitations = event.invitations.current().select_related("partner").order_by("partner__name", "pk")
    registrations = Registration.objects.active().filter(event=event).order_by("created_at", "pk")
    rows = itertools.chain(
        map(_invitation_row, in_chunks(invitations, CHUNK)),
        map(_registration_row, in_chunks(registrations, CHUNK)),
    )
    return Table(f"antworten-{event.slug}", "Antworten und Anmeldungen", COLUMNS, rows)
