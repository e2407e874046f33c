import csv
import io
import warnings

import pytest
from django.core import mail
from django.core.paginator import UnorderedObjectListWarning
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partners.models import Declaration, Partner, Signature
from tests.factories import DeclarationFactory, PartnerFactory
from tests.partners.conftest import links_in
from tests.support.accounts import staff_account
from tests.support.responses import streamed_body

CHANGELIST = "/verwaltung/partners/partner/"


@pytest.fixture
def partners(declaration):
    return {
        "active": PartnerFactory(name="Aktiv GmbH", founding_partner=True),
        "unconfirmed": PartnerFactory(name="Unbestätigt e. V.", pending=True, listed=False),
        "withdrawn": PartnerFactory(name="Ausgetreten AG", withdrawn=True, listed=False),
        "hidden": PartnerFactory(name="Verborgen KG", listed=False),
    }


def _names(response):
    return {partner.name for partner in response.context["cl"].result_list}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("", {"Aktiv GmbH", "Unbestätigt e. V.", "Ausgetreten AG", "Verborgen KG"}),
        ("?status=unconfirmed", {"Unbestätigt e. V."}),
        ("?status=active", {"Aktiv GmbH", "Verborgen KG"}),
        ("?status=withdrawn", {"Ausgetreten AG"}),
        ("?listed__exact=1", {"Aktiv GmbH"}),
        ("?listed__exact=0", {"Unbestätigt e. V.", "Ausgetreten AG", "Verborgen KG"}),
        ("?founding_partner__exact=1", {"Aktiv GmbH"}),
        ("?q=verborgen", {"Verborgen KG"}),
    ],
)
def test_changelist_filters_and_search(admin_client, partners, query, expected):
    response = admin_client.get(CHANGELIST + query)
    assert response.status_code == 200
    assert _names(response) == expected


def test_changelist_shows_status_and_partner_since(admin_client, partners):
    content = admin_client.get(CHANGELIST).content.decode()
    for label in ("aktiv", "unbestätigt", "ausgetreten", "Papier-Unterzeichnung erfassen"):
        assert label in content


def test_changelist_query_count_is_constant(admin_client, declaration):
    for number in range(3):
        PartnerFactory(name=f'P{number}')
    with CaptureQueriesContext(connection) as few:
        admin_client.get(CHANGELIST)
    for number in range(3, 40):
        PartnerFactory(name=f'P{number}')
    with CaptureQueriesContext(connection) as many:
        admin_client.get(CHANGELIST)
    assert len(few) == len(many)


def test_change_page_shows_signed_version(admin_client, partners):
    partner = partners["active"]
    response = admin_client.get(f"{CHANGELIST}{partner.pk}/change/")
    assert response.status_code == 200
    assert "Bündniserklärung (2024)" in response.content.decode()


def _action(admin_client, action, *partners, follow=True):
    return admin_client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [partner.pk for partner in partners]},
        follow=follow,
    )


def test_release_and_hide(admin_client, partners):
    hidden = partners["hidden"]
    response = _action(admin_client, "release_action", hidden)
    assert "1 Partner freigegeben." in response.content.decode()
    hidden.refresh_from_db()
    assert hidden.listed
    _action(admin_client, "hide_action", hidden)
    hidden.refresh_from_db()
    assert not hidden.listed


def test_release_respects_missing_consent(admin_client, partners):
    hidden = partners["hidden"]
    hidden.wants_listing = False
    hidden.save()
    response = _action(admin_client, "release_action", hidden)
    assert "möchte nicht öffentlich genannt werden" in response.content.decode()
    hidden.refresh_from_db()
    assert not hidden.listed


def test_resend_confirmation(admin_client, partners, client):
    response = _action(
        admin_client, "resend_confirmation_action", partners["unconfirmed"], partners["active"]
    )
    content = response.content.decode()
    assert "1 Bestätigungslink gesendet." in content
    assert "1 Partner wartet auf keine Bestätigung." in content
    [message] = mail.outbox
    assert message.to == [partners["unconfirmed"].contact_email]
    client.post(links_in(message)[0])
    assert Partner.objects.active().filter(pk=partners["unconfirmed"].pk).exists()


def test_csv_export(admin_client, partners):
    partners["active"].contact_phone = "=HYPERLINK(1)"
    partners["active"].save()
    response = _action(admin_client, "export_action", *partners.values(), follow=False)
    assert response["Content-Type"].startswith("text/csv")
    assert "partner-" in response["Content-Disposition"]
    text = streamed_body(response).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert list(rows[0])[:3] == ["Name", "Art", "Ort"]
    assert len(rows) == 4
    by_name = {row["Name"]: row for row in rows}
    assert by_name["Aktiv GmbH"]["Status"] == "aktiv"
    assert by_name["Aktiv GmbH"]["Gründungspartner"] == "ja"
    assert by_name["Aktiv GmbH"]["unterzeichnete Fassung"] == "2024"
    assert by_name["Aktiv GmbH"]["Telefon"] == "'=HYPERLINK(1)"
    assert by_name["Ausgetreten AG"]["Status"] == "ausgetreten"


def test_paper_signature_for_a_new_partner(admin_client, declaration):
    response = admin_client.get("/verwaltung/partners/partner/papier/")
    assert response.status_code == 200
    response = admin_client.post("/verwaltung/partners/partner/papier/", {
        "name": "Gründungsverein", "kind": Partner.Kind.ASSOCIATION, "town": "Musterhausen",
        "signed_on": "2017-11-08", "signed_by": "Hans Vorstand", "declaration": declaration.pk,
        "founding_partner": "on", "wants_listing": "on",
    })
    partner = Partner.objects.get(name="Gründungsverein")
    assert response.status_code == 302
    assert response["Location"] == f"{CHANGELIST}{partner.pk}/change/"
    signature = partner.signatures.get()
    assert signature.source == Signature.Source.PAPER
    assert signature.confirmed_at is not None
    assert signature.signed_at.date().isoformat() == "2017-11-08"
    assert signature.signed_by == "Hans Vorstand"
    assert partner.founding_partner and partner.listed
    assert Partner.objects.founding().get() == partner
    assert mail.outbox == []


def test_paper_signature_for_a_withdrawn_partner_starts_new_period(admin_client, partners, declaration):
    withdrawn = partners["withdrawn"]
    response = _action(admin_client, "paper_signature_action", withdrawn, follow=False)
    assert response["Location"].endswith(f"/papier/?partner={withdrawn.pk}")
    admin_client.post("/verwaltung/partners/partner/papier/", {
        "partner": withdrawn.pk, "signed_on": "2024-05-01", "declaration": declaration.pk,
        "wants_listing": "on",
    })
    assert withdrawn.signatures.count() == 2
    assert Partner.objects.public().filter(pk=withdrawn.pk).exists()


def test_paper_signature_confirms_an_unconfirmed_one(admin_client, partners, declaration):
    pending = partners["unconfirmed"]
    admin_client.post("/verwaltung/partners/partner/papier/", {
        "partner": pending.pk, "signed_on": "2024-05-01", "declaration": declaration.pk,
    })
    signature = pending.signatures.get()
    assert signature.confirmed_at is not None
    assert signature.source == Signature.Source.PAPER


def test_paper_signature_refuses_incomplete_input(admin_client, declaration):
    response = admin_client.post("/verwaltung/partners/partner/papier/", {"signed_on": "kein Datum"})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"name", "kind", "signed_on", "declaration"} <= set(errors)
    assert not Partner.objects.exists()


def test_paper_signature_needs_permission(client, django_user_model, declaration):
    user = staff_account("leser", password="x-langes-passwort-1", is_staff=True)
    client.force_login(user)
    response = client.get("/verwaltung/partners/partner/papier/")
    assert response.status_code == 302
    assert response["Location"] == "/verwaltung/"


def test_exactly_one_declaration_is_current(admin_client, declaration):
    response = admin_client.post("/verwaltung/partners/declaration/add/", {
        "version": "2025", "title": "Bündniserklärung", "text": "<p>Neu</p>",
        "valid_from": "2025-01-01", "is_current": "on",
    })
    assert response.status_code == 302
    assert Declaration.objects.current().version == "2025"
    declaration.refresh_from_db()
    assert not declaration.is_current

    current = Declaration.objects.current()
    response = admin_client.post(f"/verwaltung/partners/declaration/{current.pk}/change/", {
        "version": "2025", "title": "Bündniserklärung", "text": "<p>Neu</p>", "valid_from": "2025-01-01",
    })
    assert response.status_code == 200
    assert "Genau eine Fassung ist aktuell" in response.content.decode()
    assert Declaration.objects.current().version == "2025"


def test_make_current_action(admin_client, declaration):
    older = DeclarationFactory(version="2017", text="alt")
    admin_client.post("/verwaltung/partners/declaration/", {
        "action": "make_current_action", "_selected_action": [older.pk]
    })
    assert Declaration.objects.current() == older
    assert Declaration.objects.filter(is_current=True).count() == 1


def test_the_partner_search_of_a_select_box_is_alphabetical(coordinator_client, declaration):
    """The admin's select boxes search partners page by page (autocomplete): in order
    of the name, so that paging neither repeats nor skips one."""
    for name in ("Zimmerei Holz", "Apotheke am Markt", "Musikschule"):
        PartnerFactory(name=name)
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnorderedObjectListWarning)
        response = coordinator_client.get(
            "/verwaltung/autocomplete/",
            {"app_label": "partners", "model_name": "signature", "field_name": "partner", "term": ""},
        )
    assert response.status_code == 200
    names = [result["text"] for result in response.json()["results"]]
    assert names == sorted(names) and len(names) == 3
