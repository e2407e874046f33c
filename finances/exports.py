"""The ledger and the Verwendungsnachweis as downloads (`buendnis.exports`).

A payee or donor may be a private person: the name then stands in a column of its own,
marked `personal`, which only Koordination gets; an organisation's name stays in the
other column for everyone who may read the ledger.
"""

from buendnis.exports import Column, Table, dated


def _counterparty_columns():
    return [
        Column("Empfänger oder Geber (Organisation)", lambda e: e.public_counterparty),
        Column(
            "Empfänger oder Geber (Privatperson)",
            lambda e: e.counterparty if e.counterparty_is_private else "",
            personal=True,
        ),
    ]


def ledger_columns():
    return [
        Column("Buchungsnummer", lambda e: e.pk),
        Column("Datum", lambda e: e.booked_on),
        Column("Art", lambda e: e.direction_label),
        Column("Herkunft", lambda e: e.source_label),
        Column("Kategorie", lambda e: e.category.name if e.category_id else ""),
        Column("Betrag (Euro)", lambda e: e.amount),
        Column("Zuwendung", lambda e: str(e.grant) if e.grant_id else ""),
        Column("Arbeitsgruppe", lambda e: e.working_group.name if e.working_group_id else ""),
        Column("Projekt", lambda e: e.project.title if e.project_id else ""),
        *_counterparty_columns(),
        Column("Notiz", lambda e: e.note),
        Column("Beleg", lambda e: bool(e.receipt)),
        Column("storniert Buchung", lambda e: e.reverses_id or ""),
        Column("freigegeben am", lambda e: e.approved_at),
        # Waiting spending is listed, but counts in no sum until it is approved.
        Column("zählt", lambda e: e.counts),
    ]


def ledger_table(entries, year):
    rows = entries.select_related("category", "grant", "working_group", "project", "reverses").order_by(
        "booked_on", "pk"
    )
    return Table(dated(f"buchungen-{year}"), f"Buchungen {year}", ledger_columns(), rows)


def grant_table(statement):
    """The Verwendungsnachweis as a sheet: every counted entry of the grant, income first."""
    grant = statement.grant
    return Table(
        dated(f"verwendungsnachweis-{grant.pk}"),
        "Verwendungsnachweis",
        ledger_columns(),
        [*statement.received, *statement.spent],
    )
