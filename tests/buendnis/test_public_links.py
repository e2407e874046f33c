"""The public site links no page that is not published and shows no empty section."""

import re
from urllib.parse import urljoin, urlsplit

import pytest

from buendnis.models import EasyReadPage, Page
from cockpit import alliances

# Pages read as text only (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("pages_read_as_text")

HREF = re.compile(r'href="([^"#]*)')


def crawl(client, host, start="/", limit=300, pages=None):
    """Every page reachable from `start` by the links on the alliance's host: {path: status}.
    `pages`, a dict, receives the text of each HTML page that answered 200."""
    seen, queue = {}, [start]
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if path in seen:
            continue
        response = client.get(path, HTTP_HOST=host)
        seen[path] = response.status_code
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode()
        if pages is not None:
            pages[path] = text
        for href in HREF.findall(text):
            url = urlsplit(urljoin(f"http://{host}{path}", href.replace("&amp;", "&")))
            if url.path.startswith("/static/"):
                continue  # style sheets and icons, no pages
            if url.scheme in {"http", "https"} and url.hostname == host and url.path not in seen:
                queue.append(url.path + (f"?{url.query}" if url.query else ""))
    return seen


def test_the_public_site_of_a_new_alliance_links_no_page_that_answers_404(client, alliance):
    alliances.create_alliance(
        name="Bündnis für Familie Nordheim", domain="nordheim.localhost",
        admin_email="k@nordheim.example.org",
    )
    found = crawl(client, "nordheim.localhost")
    assert "/" in found
    assert "/buendnis/" in found
    assert len(found) > 5
    broken = {path: status for path, status in found.items() if status == 404}
    assert broken == {}
    for slug in ("impressum", "datenschutz", "barrierefreiheit", "leichte-sprache"):
        assert f"/{slug}/" not in found  # drafts: not linked


def test_the_footer_links_only_published_pages(client, alliance):
    Page.objects.filter(slug=Page.Slug.ACCESSIBILITY).update(published=False)
    EasyReadPage.objects.filter(topic=EasyReadPage.Topic.HOME).update(published=False)
    content = client.get("/").content.decode()
    assert 'href="/impressum/"' in content
    assert 'href="/datenschutz/"' in content
    assert 'href="/barrierefreiheit/"' not in content
    assert 'href="/leichte-sprache/"' not in content
    EasyReadPage.objects.filter(topic=EasyReadPage.Topic.HOME).update(published=True)
    assert 'href="/leichte-sprache/"' in client.get("/").content.decode()


def test_forms_link_the_privacy_page_only_when_it_is_published(client, alliance):
    assert 'href="/datenschutz/"' in client.get("/anregungen/").content.decode()
    Page.objects.filter(slug=Page.Slug.PRIVACY).update(published=False)
    assert 'href="/datenschutz/"' not in client.get("/anregungen/").content.decode()


def empty(alliance):
    for name in ("how_we_work", "coordination_text", "steering_group_text", "office_text",
                 "working_groups_text"):
        setattr(alliance, name, "")
    alliance.save()  # (through the signal, the map of hosts serves the new profile)


def test_how_the_alliance_works_shows_only_with_content(client, alliance):
    assert "So arbeitet das Bündnis" in client.get("/buendnis/").content.decode()
    empty(alliance)
    content = client.get("/buendnis/").content.decode()
    assert "So arbeitet das Bündnis" not in content
    assert 'id="how-title"' not in content


@pytest.mark.parametrize("text", ["<p>Wir treffen uns zweimal im Jahr.</p>"])
def test_one_text_is_enough_for_the_section(client, alliance, text):
    empty(alliance)
    alliance.how_we_work = text
    alliance.save()
    content = client.get("/buendnis/").content.decode()
    assert "So arbeitet das Bündnis" in content
    assert "Wir treffen uns zweimal im Jahr." in content
