"""The Landkreis embeds the alliance's boxes: they show inside its page when the
coordinator listed its address, stay empty on any other site, pass axe, and load
nothing from other hosts."""

import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.factories import EventFactory, PartnerFactory

pytestmark = pytest.mark.browser


@contextmanager
def website_embedding(box_url):
    """Another website on this machine whose page embeds `box_url`; yields its address."""
    html = (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Landkreis</title></head><body>'
        f'<main><h1>Familie im Landkreis</h1><iframe src="{box_url}" title="Unsere Partner" '
        'width="600" height="480"></iframe></main></body></html>'
    ).encode()

    class Page(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the name http.server calls
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def test_the_landkreis_embeds_the_partner_list_and_a_stranger_cannot(page, live_server, alliance,
                                                                      declaration, axe):
    PartnerFactory(name="Bäckerei Korn", town="Lindenau")
    EventFactory(title="Sommerfest")
    box_url = f"{live_server.url}/einbetten/partner/"

    # The coordinator's page of snippets, and a box on its own.
    page.goto(f"{live_server.url}/einbetten/")
    page.get_by_role("heading", name="Partnerliste und Termine auf Ihrer Website").wait_for()
    axe(page)
    page.get_by_role("link", name="Vorschau: Die nächsten Termine").click()
    page.get_by_text("Sommerfest").wait_for()
    axe(page)
    assert page.locator("nav").count() == 0

    with website_embedding(box_url) as landkreis, website_embedding(box_url) as stranger:
        alliance.embed_hosts = landkreis
        alliance.save()
        page.goto(landkreis)
        box = page.frame_locator("iframe")
        box.get_by_role("link", name="Bäckerei Korn").wait_for()
        box.get_by_text("1 Partner im Bündnis").wait_for()
        axe(page)

        blocked = []
        page.on("console", lambda message: blocked.append(message.text))
        page.goto(stranger)
        page.wait_for_timeout(500)
        assert "Bäckerei Korn" not in page.frames[1].content()
        assert any("frame-ancestors" in text for text in blocked), blocked
    assert page.foreign_requests == []
