"""`make bench`, second scenario: one installation for every alliance in Germany.

670 alliances hold 13,000 partners, 5,200 projects and 1,000 events in all, a few large
and most small (`fill_bench --alliances 670`, bench/national.sqlite3). Measured in the
same run, each request with its alliance's host name:

- the pages of the largest alliance and of a small one (the median by partners),
  with the page cache on and off;
- the minimal Django view through the alliance's lookup and without it
  (`/bench/minimal-raw/`, exempt from the lookup): what finding the alliance costs;
- the alliance finder's search on the installation's own domain (never cached);
- a static file, and the workers' memory.
"""

import os
from pathlib import Path

from bench import load, pages
from bench.servers import WORKERS, Server, bench_env, prepare_database

ALLIANCES = int(os.environ.get("BENCH_ALLIANCES", "670"))
SERVICE = "service.bench.localhost"
LARGE = "b0000.bench.localhost"
SMALL = f"b{ALLIANCES // 2:04d}.bench.localhost"
PAGES = [
    "Startseite /", "/partner/", "/partner/ mit Suche", "ein Partner", "/projekte/", "ein Projekt",
    "/termine/", "ein Termin", "/handlungsfelder/", "API: Partnerliste", "API: ein Partner",
    "Atom-Feed: Termine", "Sitemap",
]


LOOKUP = ("minimale Django-View", "minimale View ohne Bündnissuche")
LOOKUP_ROUNDS = int(os.environ.get("BENCH_LOOKUP_ROUNDS", "12"))


def environment(checkout, page_cache, fragment_cache):
    env = bench_env(
        checkout, page_cache, fragment_cache,
        database_url=os.environ.get("BENCH_NATIONAL_DATABASE_URL")
        or f"sqlite:///{Path(checkout) / 'bench' / 'national.sqlite3'}",
    )
    env["SERVICE_DOMAIN"] = SERVICE
    env["MEDIA_ROOT"] = str(Path(checkout) / "bench" / "national-media")
    return env


def prepare(checkout):
    prepare_database(checkout, environment(checkout, 300, 300), ["--alliances", str(ALLIANCES)])


def targets(port):
    found = {}
    for size, host in (("groß", LARGE), ("klein", SMALL)):
        discovered = pages.discover(port, host)
        for label in PAGES:
            if discovered.get(label):
                found[f"{size}: {label}"] = (discovered[label], host)
    yardsticks = pages.yardsticks(port, SMALL)
    found["minimale Django-View"] = ("/bench/minimal/", SMALL)
    found["minimale View ohne Bündnissuche"] = ("/bench/minimal-raw/", SMALL)
    found["statische Datei (whitenoise)"] = (yardsticks["statische Datei (whitenoise)"], SMALL)
    found["Bündnissuche (Servicestelle)"] = ("/?q=Nord", SERVICE)
    found["Bündnissuche nach PLZ"] = ("/?q=1437", SERVICE)
    return found


def run_phase(title, page_cache, fragment_cache, *, checkout, seconds, rounds):
    print(f"\n== Bundesweit ({ALLIANCES} Bündnisse): {title}", flush=True)
    server = Server(checkout, environment(checkout, page_cache, fragment_cache))
    try:
        measured = targets(server.port)
        for path, host in measured.values():
            for _ in range(3 * WORKERS):
                pages.fetch(server.port, path, host=host, accept_encoding="gzip, br")
        runs = {label: [] for label in measured}
        for _round in range(rounds):
            for label, (path, host) in measured.items():
                runs[label].append(load.measure(server.url(path), seconds / rounds, host=host))
        # Finding the alliance costs a few per cent of the minimal view, less than the
        # noise of one round: its two views get more rounds, alternating which goes first.
        for number in range(LOOKUP_ROUNDS):
            for label in LOOKUP if number % 2 == 0 else LOOKUP[::-1]:
                path, host = measured[label]
                runs[label].append(load.measure(server.url(path), seconds / rounds, host=host))
        rows = {
            label: {"path": path, "host": host, **load.summarise(runs[label])}
            for label, (path, host) in measured.items()
        }
        minimal = rows["minimale Django-View"]["rps"]
        raw = rows["minimale View ohne Bündnissuche"]["rps"]
        static = rows["statische Datei (whitenoise)"]["rps"]
        for row in rows.values():
            row["vs_minimal"] = round(row["rps"] / minimal, 3)
            row["vs_static"] = round(row["rps"] / static, 3)
        result = {
            "pages": rows,
            # What finding the alliance adds to the time of the minimal view.
            "lookup_overhead": round(raw / minimal - 1, 3),
            "worker_rss_mb": server.worker_rss_mb(),
        }
    finally:
        server.stop()
    print(f"{'Seite':40} {'req/s':>8} {'p95 ms':>7} {'÷minimal':>9} {'÷static':>8}")
    for label, row in rows.items():
        errors = f"  {row['errors']} Fehler" if row["errors"] else ""
        print(f"{label:40} {row['rps']:8.0f} {row['p95_ms']:7.1f} {row['vs_minimal']:9.3f} "
              f"{row['vs_static']:8.3f}{errors}", flush=True)
    print(f"Das Bündnis zum Host finden: +{result['lookup_overhead'] * 100:.1f} % Zeit der minimalen View; "
          f"Worker-Speicher: {', '.join(f'{mb:.0f} MB' for mb in result['worker_rss_mb'])}")
    return result
