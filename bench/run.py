"""`make bench`: the portal under gunicorn at national scale, measured page by page.

1. Creates and fills the bench database if it is missing (`fill_bench`; SQLite file
   bench/bench.sqlite3, or BENCH_DATABASE_URL for PostgreSQL) and runs collectstatic.
2. Starts gunicorn (2 workers, DEBUG off) on a free 127.0.0.1 port, three times: with
   the page cache on (as in production); with it off, so every request renders the
   page but takes the list entries from the entry cache (buendnis/fragments.py),
   as after a change or for a new search; and with both off (everything rendered).
3. Drives a bounded load client (BENCH_CONCURRENCY processes for BENCH_SECONDS per
   target, split into BENCH_ROUNDS rounds over all targets, one new connection per
   request, Accept-Encoding: gzip, br) against every public page, a minimal Django
   view and a static file served by whitenoise.
4. Prints requests/s, p50/p95/p99, SQL queries per request (in-process test client with
   CaptureQueriesContext against the same database), bytes sent, each page's
   throughput relative to the minimal view and the static file, PDF render times
   (bench/pdf_render.py, when it exists) and worker memory; writes JSON to bench/results/.

Nothing here is a test: the numbers depend on the machine.
"""

import argparse
import concurrent.futures
import http.client
import json
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PYTHON = sys.executable
SECONDS = float(os.environ.get("BENCH_SECONDS", "4"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "4"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "4"))
WORKERS = 2
ACCEPT_ENCODING = "gzip, br"


def bench_env(page_cache_seconds, fragment_cache_seconds=300):
    env = dict(os.environ)
    env.update(
        DATABASE_URL=os.environ.get(
            "BENCH_DATABASE_URL", f"sqlite:///{BENCH / 'bench.sqlite3'}"
        ),
        MEDIA_ROOT=str(BENCH / "media"),
        DEBUG="false",
        SECRET_KEY=env.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SITE_URL="http://127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        SECURE_HSTS_SECONDS="0",
        BENCH_MINIMAL_VIEW="1",
        RATELIMIT_ENABLED="false",
        PAGE_CACHE_SECONDS=str(page_cache_seconds),
        FRAGMENT_CACHE_SECONDS=str(fragment_cache_seconds),
        LOG_LEVEL="WARNING",
    )
    return env


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare_database(env):
    url = env["DATABASE_URL"]
    fresh = url.startswith("sqlite") and not (BENCH / "bench.sqlite3").exists()
    manage(env, "migrate", "--noinput", "-v0")
    if fresh or os.environ.get("BENCH_FILL") == "1":
        print("Fülle die Messdatenbank (einmalig, ca. 15 s) …", flush=True)
        manage(env, "fill_bench")
    manage(env, "collectstatic", "--noinput", "-v0")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, env):
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                str(Path(PYTHON).parent / "gunicorn"), "buendnis.wsgi",
                "--workers", str(WORKERS), "--bind", f"127.0.0.1:{self.port}",
                "--log-level", "warning", "--timeout", "60",
            ],
            cwd=ROOT,
            env=env,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if get(self.port, "/healthz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        self.stop()
        raise SystemExit("gunicorn startet nicht.")

    def worker_pids(self):
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                pids.append(int(stat.parent.name))
        return pids

    def worker_rss_mb(self):
        sizes = []
        for pid in self.worker_pids():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(round(int(line.split()[1]) / 1024, 1))
        return sizes

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()


def get(port, path, accept_encoding=ACCEPT_ENCODING):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(
            "GET", path, headers={"Accept-Encoding": accept_encoding, "Connection": "close"}
        )
        response = connection.getresponse()
        body = response.read()
        return response.status, body, dict(response.getheaders())
    finally:
        connection.close()


def load_worker(port, path, seconds):
    """One client process: requests one after another until the time is up."""
    latencies, sizes, errors = [], [], 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        started = time.perf_counter()
        try:
            status, body, _headers = get(port, path)
        except OSError:
            errors += 1
            continue
        latencies.append(time.perf_counter() - started)
        sizes.append(len(body))
        if status >= 500:
            errors += 1
    return latencies, sizes, errors


def percentile(values, share):
    ordered = sorted(values)
    if not ordered:
        return None
    index = min(len(ordered) - 1, round(share * (len(ordered) - 1)))
    return ordered[index]


def warm(port, path):
    for _ in range(2 * WORKERS * 3):  # every worker (and its caches)
        get(port, path)


def burst(pool, port, path, seconds):
    """CONCURRENCY client processes on one path for `seconds`: the raw measurements."""
    started = time.perf_counter()
    futures = [pool.submit(load_worker, port, path, seconds) for _ in range(CONCURRENCY)]
    latencies, sizes, errors = [], [], 0
    for future in futures:
        worker_latencies, worker_sizes, worker_errors = future.result()
        latencies += worker_latencies
        sizes += worker_sizes
        errors += worker_errors
    return {"latencies": latencies, "sizes": sizes, "errors": errors,
            "elapsed": time.perf_counter() - started}


def summarise(bursts):
    latencies = [value for one in bursts for value in one["latencies"]]
    sizes = [value for one in bursts for value in one["sizes"]]
    elapsed = sum(one["elapsed"] for one in bursts)
    return {
        "requests": len(latencies),
        "errors": sum(one["errors"] for one in bursts),
        "rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(1000 * percentile(latencies, 0.50), 1),
        "p95_ms": round(1000 * percentile(latencies, 0.95), 1),
        "p99_ms": round(1000 * percentile(latencies, 0.99), 1),
        "bytes": round(statistics.mean(sizes)) if sizes else 0,
    }


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


def parse(html):
    parser = LinkParser()
    parser.feed(html)
    return parser


def html_of(port, path):
    status, body, _headers = get(port, path, accept_encoding="identity")
    return status, body.decode("utf-8", "replace")


def first_link(parser, pattern):
    for href in parser.links:
        if re.fullmatch(pattern, href):
            return href
    return None


def discover(port):
    """The public pages as the current tree has them; None where a page is not built yet."""
    targets = {"Startseite /": "/"}
    status, html = html_of(port, "/partner/")
    if status == 200:
        partners = parse(html)
        targets["/partner/"] = "/partner/"
        select = next((s for s in partners.selects if s["options"]), None)
        targets["/partner/ mit Filter"] = (
            f"/partner/?{select['name']}={select['options'][-1]}" if select else None
        )
        search = next(
            (i for i in partners.inputs if i.get("type") == "search" or i["name"] in ("q", "suche")),
            None,
        )
        targets["/partner/ mit Suche"] = f"/partner/?{search['name']}=familien" if search else None
        targets["ein Partner"] = first_link(partners, r"/partner/(?!verwalten/)[^/?#]+/")
    else:
        for name in ("/partner/", "/partner/ mit Filter", "/partner/ mit Suche", "ein Partner"):
            targets[name] = None
    for list_path, detail_name in (("/projekte/", "ein Projekt"), ("/termine/", "ein Termin")):
        status, html = html_of(port, list_path)
        targets[list_path] = list_path if status == 200 else None
        detail = first_link(parse(html), rf"{list_path}[^/?#.]+/") if status == 200 else None
        targets[detail_name] = detail
    status, html = html_of(port, "/handlungsfelder/")
    targets["/handlungsfelder/"] = "/handlungsfelder/" if status == 200 else None
    # Beyond the pages issue 8 names: the other public pages that grow with the data.
    fields = parse(html) if status == 200 else None
    targets["ein Handlungsfeld"] = fields and first_link(fields, r"/handlungsfelder/[^/?#]+/")
    group = None
    if targets["ein Handlungsfeld"]:
        group = first_link(parse(html_of(port, targets["ein Handlungsfeld"])[1]), r"/arbeitsgruppen/[^/?#]+/")
    targets["eine Arbeitsgruppe"] = group
    targets["/projekte/ mit Suche"] = "/projekte/?q=familie" if targets["/projekte/"] else None
    archive = "/termine/archiv/"
    targets["Terminarchiv"] = archive if html_of(port, archive)[0] == 200 else None
    feed = "/termine/kalender.ics"
    targets["Kalender-Abo (ICS)"] = feed if get(port, feed)[0] == 200 else None
    targets["minimale Django-View"] = "/bench/minimal/"
    home = parse(html_of(port, "/")[1])
    static = next((a for a in home.assets if a.startswith("/static/") and "site" in a), None)
    targets["statische Datei (whitenoise)"] = static
    return targets, home


def first_visit_bytes(port, home):
    """Everything a first visit to the home page transfers (compressed bodies)."""
    total = len(get(port, "/")[1])
    for asset in dict.fromkeys(home.assets):
        if asset.startswith("/"):
            total += len(get(port, asset)[1])
    return total


def count_queries(paths):
    """In a separate process (no cache at all): SQL queries per request for each path."""
    result = subprocess.run(
        [PYTHON, __file__, "--count-queries", *paths],
        cwd=ROOT, env=bench_env(0, 0), capture_output=True, text=True, check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def _count_queries_here(paths):
    import django

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "buendnis.settings")
    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    counts = {}
    for path in paths:
        client.get(path)  # the first request may fill per-process caches
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        counts[path] = len(queries)
    print(json.dumps(counts))


def pdf_times(env):
    script = BENCH / "pdf_render.py"
    if not script.exists():
        return None, "bench/pdf_render.py fehlt (noch nicht gebaut)"
    result = subprocess.run(
        [PYTHON, str(script)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    output = (result.stdout + result.stderr).strip()
    try:
        return json.loads(result.stdout.strip().splitlines()[-1]), output
    except (ValueError, IndexError):
        return None, output


def run_phase(name, env, pool):
    print(f"\n== {name}", flush=True)
    server = Server(env)
    try:
        targets, home = discover(server.port)
        built = {}
        for label, path in targets.items():
            if path is None:
                print(f"{label:32} nicht gebaut (404 im aktuellen Stand) – übersprungen")
                continue
            warm(server.port, path)
            built[label] = path
        # Every target in each of ROUNDS rounds, so a machine that gets busier or
        # quieter during the run affects all targets alike, the ratios least of all.
        bursts = {label: [] for label in built}
        for _round in range(ROUNDS):
            for label, path in built.items():
                bursts[label].append(burst(pool, server.port, path, SECONDS / ROUNDS))
        results = {}
        for label, path in built.items():
            results[label] = {"path": path, **summarise(bursts[label])}
            row = results[label]
            print(
                f"{label:32} {row['rps']:8.1f} req/s  p50 {row['p50_ms']:6.1f}  "
                f"p95 {row['p95_ms']:6.1f}  p99 {row['p99_ms']:6.1f} ms  "
                f"{row['bytes']:7} B  {row['errors']} Fehler",
                flush=True,
            )
        first_visit = first_visit_bytes(server.port, home)
        memory = server.worker_rss_mb()
    finally:
        server.stop()
    return {"pages": results, "home_first_visit_bytes": first_visit, "worker_rss_mb": memory}


def add_ratios(phase):
    pages = phase["pages"]
    minimal = pages.get("minimale Django-View", {}).get("rps")
    static = pages.get("statische Datei (whitenoise)", {}).get("rps")
    for row in pages.values():
        row["vs_minimal"] = round(row["rps"] / minimal, 3) if minimal else None
        row["vs_static"] = round(row["rps"] / static, 3) if static else None


def print_summary(report):
    print("\n== Zusammenfassung")
    cached, uncached = report["cached"]["pages"], report["uncached"]["pages"]
    cold = report["cold"]["pages"]
    queries = report["queries"]
    print("Spalten: Seiten-Cache an | Seiten-Cache aus, Einträge gecacht | nichts gecacht")
    print(
        f"{'Seite':32} {'SQL':>4} {'req/s':>7} {'÷static':>8} {'p95':>6} "
        f"{'req/s':>7} {'÷minimal':>9} {'p95':>6} {'req/s':>7} {'÷minimal':>9} {'p95':>6} "
        f"{'Bytes':>7}"
    )
    for label, row in uncached.items():
        hit = cached.get(label, {})
        miss = cold.get(label, {})
        print(
            f"{label:32} {queries.get(row['path'], '-')!s:>4} {hit.get('rps', 0):7.0f} "
            f"{hit.get('vs_static') or 0:8.3f} {hit.get('p95_ms', 0):6.1f} {row['rps']:7.0f} "
            f"{row['vs_minimal'] or 0:9.3f} {row['p95_ms']:6.1f} {miss.get('rps', 0):7.0f} "
            f"{miss.get('vs_minimal') or 0:9.3f} {miss.get('p95_ms', 0):6.1f} "
            f"{hit.get('bytes', row['bytes']):7}"
        )
    print(f"Startseite, erster Besuch (komprimiert): {report['cached']['home_first_visit_bytes']} B")
    print(
        "Worker-Speicher nach dem Lauf (RSS, MB): "
        + ", ".join(f"{phase} {report[phase]['worker_rss_mb']}" for phase in PHASES)
    )
    print(f"PDF: {report['pdf'] if report['pdf'] is not None else report['pdf_output']}")


PHASES = {
    "cached": ("Seiten-Cache an (wie im Betrieb)", bench_env(300)),
    "uncached": ("Seiten-Cache aus (jede Anfrage rendert, Einträge gecacht)", bench_env(0)),
    "cold": ("Nichts gecacht (jede Anfrage rendert alles)", bench_env(0, 0)),
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count-queries", nargs="*")
    args = parser.parse_args()
    if args.count_queries is not None:
        _count_queries_here(args.count_queries)
        return

    prepare_database(bench_env(300))
    report = {
        "started_at": datetime.now(UTC).isoformat(),
        "database": bench_env(0)["DATABASE_URL"].split("@")[-1],
        "seconds_per_target": SECONDS,
        "concurrency": CONCURRENCY,
        "gunicorn_workers": WORKERS,
        "cpus": os.cpu_count(),
    }
    with concurrent.futures.ProcessPoolExecutor(max_workers=CONCURRENCY) as pool:
        for phase, (title, env) in PHASES.items():
            report[phase] = run_phase(title, env, pool)
            add_ratios(report[phase])
    paths = [row["path"] for row in report["uncached"]["pages"].values()]
    report["queries"] = count_queries(paths)
    report["pdf"], report["pdf_output"] = pdf_times(bench_env(0))
    print_summary(report)
    results = BENCH / "results"
    results.mkdir(exist_ok=True)
    out = results / f"bench-{datetime.now(UTC).strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"\nErgebnisse: {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
