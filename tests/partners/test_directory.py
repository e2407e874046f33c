import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from partners.models import Partner, Signature
from tests.factories import (
    DeclarationFactory,
    FieldOfActionFactory,
    PartnerFactory,
    ProjectFactory,
    SignatureFactory,
    WorkingGroupFactory,
)
from tests.partners.conftest import png_upload


def _create_listed(count, declaration, field=None, start=0):
    partners = Partner.objects.bulk_create(
        Partner(name=f"Partner {number:04d}", slug=f"partner-{number:04d}",
                kind=Partner.Kind.ASSOCIATION, town="Musterhausen", listed=True)
        for number in range(start, start + count)
    )
    now = timezone.now()
    Signature.objects.bulk_create(
        Signature(partner=partner, declaration=declaration, signed_at=now, confirmed_at=now)
        for partner in partners
    )
    if field:
        field.interested_partners.add(*partners)
    return partners


def test_list_shows_listed_active_partners_with_count(client, declaration):
    shown = PartnerFactory(name="Bäckerei Korn", town="Lindenau", kind=Partner.Kind.COMPANY)
    PartnerFactory(name="Nicht bestätigt", pending=True)
    PartnerFactory(name="Ausgetreten", withdrawn=True)
    PartnerFactory(name="Verborgen", listed=False)
    response = client.get("/partner/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Bäckerei Korn" in content
    assert shown.get_absolute_url() in content
    assert "Unternehmen · Lindenau" in content
    for hidden in ("Nicht bestätigt", "Ausgetreten", "Verborgen"):
        assert hidden not in content
    assert "1 Organisation hat die Bündniserklärung unterzeichnet." in content


def test_list_is_alphabetical_and_paginated(client, declaration):
    _create_listed(30, declaration)
    first = client.get("/partner/").content.decode()
    assert "30 Organisationen" in first
    assert "Partner 0000" in first and "Partner 0023" in first
    assert "Partner 0024" not in first
    assert first.index("Partner 0000") < first.index("Partner 0001")
    second = client.get("/partner/?seite=2").content.decode()
    assert "Partner 0024" in second and "Partner 0029" in second
    assert client.get("/partner/?seite=99").status_code == 200


def test_list_filters_by_kind_field_and_name(client, declaration):
    field = FieldOfActionFactory(name="Pflege", slug="pflege")
    church = PartnerFactory(name="Kirchengemeinde Süd", kind=Partner.Kind.CHURCH)
    company = PartnerFactory(name="Pflegedienst Sonne", kind=Partner.Kind.HEALTH)
    company.fields_of_action.add(field)
    PartnerFactory(name="Stadt Musterhausen", kind=Partner.Kind.MUNICIPALITY)

    content = client.get("/partner/?art=kirche").content.decode()
    assert church.name in content and company.name not in content
    assert "1 Partner gefunden" in content

    content = client.get("/partner/?handlungsfeld=pflege").content.decode()
    assert company.name in content and church.name not in content

    content = client.get("/partner/?q=stadt").content.decode()
    assert "Stadt Musterhausen" in content and church.name not in content

    # Unknown filter values are ignored rather than failing.
    content = client.get("/partner/?art=xyz&handlungsfeld=gibtsnicht&seite=2&seite=x").content.decode()
    assert church.name in content and company.name in content


def test_pagination_keeps_filters(client, declaration):
    _create_listed(30, declaration)
    content = client.get("/partner/?q=Partner").content.decode()
    assert "?q=Partner&amp;seite=2" in content


def test_search_pages_through_its_matches_in_name_order(client, declaration):
    _create_listed(30, declaration)
    withdrawn = PartnerFactory(name="Partner 0003 ausgetreten", withdrawn=True)
    PartnerFactory(name="Bäckerei Korn")
    first = client.get("/partner/?q=partner 00&art=verein").content.decode()
    assert "30 Partner gefunden" in first
    names = re.findall(r"Partner 00\d\d", first)
    assert names == [f"Partner {number:04d}" for number in range(24)]
    second = client.get("/partner/?q=partner 00&art=verein&seite=2").content.decode()
    assert re.findall(r"Partner 00\d\d", second) == [f"Partner {number:04d}" for number in range(24, 30)]
    assert withdrawn.name not in first + second
    # Past the last page: the last page, as for the unfiltered list.
    assert client.get("/partner/?q=partner 00&seite=99").content.decode().count("Partner 00") == 6


def test_detail_shows_entry(client, declaration):
    partner = PartnerFactory(
        name="Bäckerei Korn",
        description="Wir backen.",
        contribution="Wir spenden Brot für Familienfeste.",
        website="https://korn.example.org",
        founding_partner=True,
        contact_phone="0123 456",
        signed_at=timezone.make_aware(timezone.datetime(2019, 3, 20, 12)),
    )
    content = client.get(partner.get_absolute_url()).content.decode()
    assert "<h1>Bäckerei Korn</h1>" in content
    assert "Partner seit März 2019" in content
    assert "Wir spenden Brot für Familienfeste." in content
    assert "https://korn.example.org" in content
    assert "Gründungspartner" in content
    # The contact person is never public.
    assert "Max Kontakt" not in content
    assert partner.contact_email not in content
    assert "0123 456" not in content


def test_partner_since_counts_the_current_period(client, declaration):
    partner = PartnerFactory(name="Rückkehrer", withdrawn=True)
    Signature.objects.filter(partner=partner).update(
        signed_at=timezone.make_aware(timezone.datetime(2018, 1, 1)),
        confirmed_at=timezone.make_aware(timezone.datetime(2018, 1, 1)),
    )
    rejoined = timezone.make_aware(timezone.datetime(2024, 6, 1, 12))
    SignatureFactory(
        partner=partner, declaration=declaration, signed_at=rejoined, confirmed_at=rejoined
    )
    content = client.get(partner.get_absolute_url()).content.decode()
    assert "Partner seit Juni 2024" in content


@pytest.mark.parametrize("status, listed", [("unconfirmed", True), ("withdrawn", True), ("active", False)])
def test_detail_of_hidden_partner_is_404(client, declaration, status, listed):
    partner = PartnerFactory(name="Versteckt", membership=status, listed=listed)
    response = client.get(partner.get_absolute_url())
    assert response.status_code == 404
    assert "Seite nicht gefunden" in response.content.decode()


def test_detail_shows_only_published_groups_and_projects(client, declaration):
    partner = PartnerFactory(name="Bäckerei Korn")
    field = FieldOfActionFactory(name="Beruf", slug="beruf")
    group = WorkingGroupFactory(
        name="AG Betriebe", slug="ag-betriebe", field_of_action=field, mandate="x"
    )
    hidden_group = WorkingGroupFactory(
        name="AG Geheim", slug="ag-geheim", field_of_action=field, mandate="x", published=False
    )
    project = ProjectFactory(title="Ferienbetreuung", slug="ferien", field_of_action=field)
    hidden_project = ProjectFactory(title="Entwurf", slug="entwurf", field_of_action=field,
                                    published=False)
    group.members.add(partner)
    hidden_group.members.add(partner)
    project.partners.add(partner)
    hidden_project.partners.add(partner)
    content = client.get(partner.get_absolute_url()).content.decode()
    assert "AG Betriebe" in content and "Ferienbetreuung" in content
    assert "AG Geheim" not in content and "Entwurf" not in content


def test_user_text_is_escaped(client, declaration):
    partner = PartnerFactory(
        name="<script>alert(1)</script>",
        description="<img src=x onerror=\"alert(2)\">",
    )
    partner.slug = "skript"
    partner.save()
    for url in ("/partner/", "/partner/skript/", "/"):
        content = client.get(url).content.decode()
        assert "<script>alert(1)" not in content
        assert "<img src=x" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get("/partner/skript/").content.decode()


def test_logo_is_shown(client, declaration):
    partner = PartnerFactory(name="Mit Logo")
    partner.logo.save("logo.png", png_upload())
    content = client.get("/partner/").content.decode()
    assert partner.logo.url in content


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _enrich(partner, field, number):
    group = WorkingGroupFactory(
        name=f"AG {number}", slug=f"ag-{number}", field_of_action=field, mandate="x"
    )
    group.members.add(partner)
    project = ProjectFactory(title=f"Projekt {number}", slug=f"projekt-{number}",
                             field_of_action=field)
    project.partners.add(partner)
    partner.logo.save("logo.png", png_upload(size=(20, 20)))


def test_query_counts_do_not_grow_with_partners(client, declaration):
    field = FieldOfActionFactory(name="Beruf", slug="beruf")
    partners = _create_listed(5, declaration, field)
    for number, partner in enumerate(partners[:2]):
        _enrich(partner, field, number)
    detail = partners[0].get_absolute_url()
    urls = ["/partner/", "/partner/?art=verein&handlungsfeld=beruf&q=Partner", detail, "/"]
    small = [_count_queries(client, url) for url in urls]

    more = _create_listed(495, declaration, field, start=5)
    for number, partner in enumerate(more[:20], start=10):
        _enrich(partner, field, number)
    for number in range(30, 40):
        _enrich(partners[0], field, number)
    large = [_count_queries(client, url) for url in urls]
    assert Partner.objects.public().count() == 500
    assert small == large


def test_late_pages_find_their_ids_first_and_load_only_their_rows(client, declaration):
    _create_listed(30, declaration)
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/partner/?seite=2").content.decode()
    assert re.findall(r"Partner 00\d\d", second) == [f"Partner {number:04d}" for number in range(24, 30)]
    rows = [query["sql"] for query in queries if '"partners_partner"."town"' in query["sql"]]
    # Rows only for the page's six partners, by primary key and with what their cards
    # show; the offset is applied to ids alone (buendnis/lib/paging.py).
    assert len(rows) == 1 and " IN (" in rows[0] and "OFFSET" not in rows[0]
    assert '"partners_partner"."description"' not in rows[0]
    assert client.get("/partner/?seite=99").content.decode().count("Partner 00") == 6


def test_a_search_with_more_matches_than_the_limit_asks_to_narrow_it(client, declaration, monkeypatch):
    from buendnis.lib import paging

    monkeypatch.setattr(paging, "SEARCH_LIMIT", 25)
    _create_listed(30, declaration)
    first = client.get("/partner/?q=partner").content.decode()
    assert "Mehr als 25 Partner gefunden – grenzen Sie die Suche ein" in first
    assert re.findall(r"Partner 00\d\d", first)[:2] == ["Partner 0000", "Partner 0001"]
    # The pages end with the limit: the 25th match is the last one shown.
    last = client.get("/partner/?q=partner&seite=9").content.decode()
    assert re.findall(r"Partner 00\d\d", last) == ["Partner 0024"]
    monkeypatch.setattr(paging, "SEARCH_LIMIT", 30)
    exact = client.get("/partner/?q=partner").content.decode()
    assert "30 Partner gefunden." in exact and "Mehr als" not in exact


def test_partner_list_links_a_few_pages_not_all(client, alliance):
    declaration = DeclarationFactory(version="2024", text="<p>Text</p>", is_current=True)
    for number in range(24 * 12):
        partner = PartnerFactory(
            name=f"Partner {number:03}", slug=f"partner-{number:03}", kind=Partner.Kind.COMPANY,
            signature=None,
        )
        SignatureFactory(partner=partner, declaration=declaration, confirmed_at=timezone.now())
    html = client.get("/partner/?seite=6").content.decode()
    for linked in (1, 4, 5, 6, 7, 8, 12):
        assert f"seite={linked}\"" in html, linked
    for hidden in (2, 3, 9, 10, 11):
        assert f"seite={hidden}\"" not in html, hidden
    assert html.count("…") >= 2
