"""The ledger as CSV and Excel (buendnis.exports): private names only for Koordination."""

import csv
import io

from django.urls import reverse

from tests.support.responses import streamed_body


def read_csv(response):
    return list(csv.reader(io.StringIO(streamed_body(response).decode("utf-8-sig")), delimiter=";"))


def test_the_coordinator_gets_every_entry_with_private_names(coordinator_client, year_2026):
    response = coordinator_client.get(reverse("finances:ledger_export", args=[2026, "csv"]))
    assert response.status_code == 200
    header, *rows = read_csv(response)
    assert "Empfänger oder Geber (Privatperson)" in header
    private = header.index("Empfänger oder Geber (Privatperson)")
    assert {row[private] for row in rows} == {"", "Erika Mustermann", "Hans Beispiel"}
    assert len(rows) == 5  # the waiting entry too, with its state


def test_the_steering_group_gets_no_private_names(client, steering_member, year_2026):
    client.force_login(steering_member)
    header, *rows = read_csv(client.get(reverse("finances:ledger_export", args=[2026, "csv"])))
    assert "Empfänger oder Geber (Privatperson)" not in header
    text = "\n".join(";".join(row) for row in rows)
    assert "Erika Mustermann" not in text and "Druckerei Korn" in text


def test_a_group_lead_gets_no_ledger(client, group_lead, year_2026):
    client.force_login(group_lead)
    assert client.get(reverse("finances:ledger_export", args=[2026, "xlsx"])).status_code == 403
