"""The partner table, for the cockpit's download and the partner admin's action."""

from buendnis.exports import CHUNK, Column, Table, dated
from buendnis.lib.paging import in_chunks


def _latest_signature(partner):
    signatures = partner.signatures.all()  # prefetched, newest first
    return signatures[0] if signatures else None


def _version(partner):
    signature = _latest_signature(partner)
    return signature.declaration.version if signature else ""


def _source(partner):
    signature = _latest_signature(partner)
    return signature.get_source_display() if signature else ""


COLUMNS = [
    Column("Name", lambda partner: partner.name),
    Column("Art", lambda partner: partner.get_kind_display()),
    Column("Ort", lambda partner: partner.town),
    Column("Website", lambda partner: partner.website),
    Column("Ansprechperson", lambda partner: partner.contact_name, personal=True),
    Column("E-Mail", lambda partner: partner.contact_email, personal=True),
    Column("Telefon", lambda partner: partner.contact_phone, personal=True),
    Column("Status", lambda partner: partner.get_status_display()),
    Column("Partner seit", lambda partner: partner.partner_since),
    Column("unterzeichnete Fassung", _version),
    Column("Quelle", _source),
    Column("Gründungspartner", lambda partner: partner.founding_partner),
    Column("im Verzeichnis", lambda partner: partner.listed),
    Column("Eintrag bestätigt", lambda partner: partner.entry_confirmed_at),
]


def partners_table(queryset, title="Partner"):
    partners = (
        queryset.with_status()
        .with_partner_since()
        .prefetch_related("signatures__declaration")
        .order_by("name", "pk")
    )
    return Table(dated("partner"), title, COLUMNS, in_chunks(partners, CHUNK))
