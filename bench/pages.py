"""Which pages `make bench` measures: found by following the portal's own links."""

import re
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser


def fetch(port, path, host="127.0.0.1", accept_encoding="identity"):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        headers={"Host": host, "Accept-Encoding": accept_encoding},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def warm(port, paths, workers, times=3):
    """Every worker renders and caches each page before it is measured, under the host
    name wrk sends (the address's, with the port: the page cache's key contains it),
    `workers` requests at once, so each sync worker takes one.

    Warmed under the bare "127.0.0.1" as before, every page was rendered anew by each
    worker in the first round of the measurement; the sitemaps take 0.5-1 s to render,
    and that work ran on into the pages measured after them (the API's record, the
    English and the first Turkish pages: 0.84-0.87 of the static file, issue 24)."""
    host = f"127.0.0.1:{port}"
    with ThreadPoolExecutor(workers) as pool:
        for path in paths:
            for _ in range(times):
                at_once = [pool.submit(fetch, port, path, host, "gzip, br") for _ in range(workers)]
                for request in at_once:
                    request.result()


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.selects, self.inputs, self.assets = [], [], [], []
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "select" and attrs.get("name"):
            self._select = {"name": attrs["name"], "options": []}
            self.selects.append(self._select)
        elif tag == "option" and self._select is not None and attrs.get("value"):
            self._select["options"].append(attrs["value"])
        elif tag == "input" and attrs.get("name"):
            self.inputs.append(attrs)
        if tag == "link" and attrs.get("href") and attrs.get("rel") in ("stylesheet", "icon"):
            self.assets.append(attrs["href"])
        elif tag in ("script", "img") and attrs.get("src"):
            self.assets.append(attrs["src"])

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def parsed(port, path, host):
    status, body = fetch(port, path, host)
    parser = LinkParser()
    if status == 200:
        parser.feed(body.decode("utf-8", "replace"))
    return status, parser


def first_link(parser, pattern):
    return next((href for href in parser.links if re.fullmatch(pattern, href)), None)


def discover(port, host="127.0.0.1"):
    """The public pages of one alliance (by host name), as its links show them."""
    targets = {"Startseite /": "/"}
    status, partners = parsed(port, "/partner/", host)
    select = next((s for s in partners.selects if s["options"]), None)
    targets["/partner/"] = "/partner/"
    if select:
        targets["/partner/ mit Filter"] = f"/partner/?{select['name']}={select['options'][-1]}"
    targets["/partner/ mit Suche"] = "/partner/?q=familien"
    targets["ein Partner"] = first_link(partners, r"/partner/(?!verwalten/)[^/?#]+/")
    for list_path, detail_name in (("/projekte/", "ein Projekt"), ("/termine/", "ein Termin")):
        status, listing = parsed(port, list_path, host)
        targets[list_path] = list_path
        targets[detail_name] = first_link(listing, rf"{list_path}[^/?#.]+/")
    status, fields = parsed(port, "/handlungsfelder/", host)
    targets["/handlungsfelder/"] = "/handlungsfelder/"
    targets["ein Handlungsfeld"] = first_link(fields, r"/handlungsfelder/[^/?#]+/")
    group = None
    if targets["ein Handlungsfeld"]:
        group = first_link(parsed(port, targets["ein Handlungsfeld"], host)[1], r"/arbeitsgruppen/[^/?#]+/")
    targets["eine Arbeitsgruppe"] = group
    targets["/projekte/ mit Suche"] = "/projekte/?q=familie"
    targets["Terminarchiv"] = "/termine/archiv/"
    targets["Kalender-Abo (ICS)"] = "/termine/kalender.ics"
    targets.update(open_data(port, host, targets["ein Partner"]))
    return {label: path for label, path in targets.items() if path}


def open_data(port, host, partner_page):
    """The API's lists and a record, the feeds and the sitemap (versions before the
    open data answer 404: none)."""
    if fetch(port, "/api/v1/partners", host)[0] != 200:
        return {}
    targets = {
        "API: Partnerliste": "/api/v1/partners",
        "API: Partnerliste mit Suche": "/api/v1/partners?q=familien",
        "API: Termine": "/api/v1/events",
        "Atom-Feed: Termine": "/termine/feed.atom",
        "Atom-Feed: neue Partner": "/partner/feed.atom",
        "Sitemap": "/sitemap.xml",
        "Sitemap der Partner": "/sitemap-partner.xml",
    }
    if partner_page:
        targets["API: ein Partner"] = "/api/v1/partners/" + partner_page.strip("/").rsplit("/", 1)[-1]
    return targets


# The pages measured in each language besides German (/en/…), with the page cache on.
LANGUAGES = ("en", "tr", "ar", "uk")
IN_EVERY_LANGUAGE = ("Startseite /", "/partner/", "ein Partner", "/termine/", "ein Termin", "/projekte/")


def in_languages(port, targets, host="127.0.0.1"):
    """The key pages of `targets` under each language's prefix ("ein Partner [en]":
    "/en/partner/…"); none for a version without languages (its /en/ answers 404)."""
    found = {}
    for language in LANGUAGES:
        if fetch(port, f"/{language}/", host)[0] != 200:
            continue
        for label in IN_EVERY_LANGUAGE:
            if targets.get(label):
                found[f"{label} [{language}]"] = f"/{language}{targets[label]}"
    return found


def yardsticks(port, host="127.0.0.1"):
    """The minimal Django view and a static file served by whitenoise."""
    home = parsed(port, "/", host)[1]
    static = next((a for a in home.assets if a.startswith("/static/") and "site" in a), None)
    return {"minimale Django-View": "/bench/minimal/", "statische Datei (whitenoise)": static}


def first_visit_bytes(port, host="127.0.0.1"):
    """Everything a first visit to the home page transfers (compressed bodies)."""
    home = parsed(port, "/", host)[1]
    total = len(fetch(port, "/", host, "gzip, br")[1])
    for asset in dict.fromkeys(home.assets):
        if asset.startswith("/"):
            total += len(fetch(port, asset, host, "gzip, br")[1])
    return total
