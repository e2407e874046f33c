"""What the portal stores about a partner, wherever it is stored.

A partner's data lives in several apps: the partner app itself, the working groups it
belongs to, its invitations and replies, the mailings it received. The apps above this
one register here (`buendnis.lib.registry`, like `buendnis.sections`), so that

- `erase(partner)` reaches every copy of the contact person's data when the partner
  withdraws, and
- `collect(partner)` gathers everything for the partner's own download (DSGVO Art. 15
  and 20) and for the coordinator's.
"""

from buendnis.lib.registry import Registry

# `@erasers.register()`: `func(partner)` erases the contact person's data in one app.
erasers = Registry()
# `@collectors.register(name)`: `func(partner) -> data` is the section `name` of the
# partner's data.
collectors = Registry()


def erase(partner):
    erasers.results(partner)


def collect(partner):
    return dict(collectors.results(partner))


def _iso(value):
    return value.isoformat() if value else None


def everything(partner):
    """All the portal stores about `partner`, as JSON-ready data (DSGVO Art. 15 and 20)."""
    signatures = partner.signatures.select_related("declaration").order_by("signed_at")
    return {
        "organisation": {
            "name": partner.name,
            "art": str(partner.get_kind_display()),
            "ort": partner.town,
            "website": partner.website,
            "kurzbeschreibung": partner.description,
            "so_wirken_wir_mit": partner.contribution,
            "logo": partner.logo.name or None,
            "handlungsfelder": [field.name for field in partner.fields_of_action.all()],
            "im_verzeichnis_gezeigt": partner.listed,
            "einwilligung_oeffentlich_genannt": partner.wants_listing,
            "gruendungspartner": partner.founding_partner,
            "eintrag_zuletzt_bestaetigt": _iso(partner.entry_confirmed_at),
            "angelegt_am": _iso(partner.created_at),
        },
        "ansprechperson": {
            "name": partner.contact_name,
            "email": partner.contact_email,
            "telefon": partner.contact_phone,
        },
        "mitgliedschaften": [
            {
                "fassung": signature.declaration.version,
                "quelle": str(signature.get_source_display()),
                "unterzeichnet_am": _iso(signature.signed_at),
                "unterzeichnet_von": signature.signed_by,
                "bestaetigt_am": _iso(signature.confirmed_at),
                "ausgetreten_am": _iso(signature.withdrawn_at),
            }
            for signature in signatures
        ],
        **collect(partner),
    }
