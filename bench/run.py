"""`make bench`: the portal under gunicorn at national scale, measured page by page with wrk.

1. Creates and fills the bench database if it is missing (`fill_bench`; SQLite file
   bench/bench.sqlite3, or BENCH_DATABASE_URL for PostgreSQL) and collects static files.
2. Starts gunicorn (2 sync workers, DEBUG off) three times: with the page cache on (as
   in production); with it off, so every request renders the page but takes the list
   entries from the entry cache (buendnis/fragments.py), as after a change or for a new
   search; and with both off (everything rendered).
3. Loads every public page, the minimal Django view and a static file served by
   whitenoise with wrk (bench/load.py), BENCH_SECONDS per target split into BENCH_ROUNDS
   rounds over all targets, so load that comes and goes touches all targets alike.
4. Prints requests/s, p50/p95/p99, SQL queries per request, bytes, and each page's
   throughput as a ratio to the minimal view and to the static file, measured in the
   same run; PDF render times (bench/pdf_render.py) and worker memory; JSON goes to
   bench/results/.
5. The same data spread over 670 alliances on one installation (bench/national.py):
   a large and a small alliance's pages, what finding the alliance costs, the finder.
   BENCH_SCENARIOS=gross or =bundesweit runs one of the two.

`python bench/run.py --compare REF` measures another version of the portal (a git ref,
checked out into bench/.baseline) in the same run: both servers run side by side, and
each round loads the same page on one and then the other, alternating which goes first.
The summary shows the current version's throughput as a share of the baseline's.
`--current REF` measures a committed version (in bench/.current) instead of the working
tree, so work can go on while the benchmark runs.

Nothing here is a test: the numbers depend on the machine.
"""

import argparse
import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import load, national, pages  # noqa: E402
from bench.servers import PYTHON, WORKERS, Server, bench_env, prepare_database  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
SECONDS = float(os.environ.get("BENCH_SECONDS", "4"))
# "gross": one alliance with all 13,000 partners (bench/bench.sqlite3); "bundesweit":
# the same spread over 670 alliances on one installation (bench/national.py).
SCENARIOS = os.environ.get("BENCH_SCENARIOS", "gross,bundesweit").split(",")
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "4"))
PHASES = {
    "cached": ("Seiten-Cache an (wie im Betrieb)", 300, 300),
    "uncached": ("Seiten-Cache aus (jede Anfrage rendert, Einträge gecacht)", 0, 300),
    "cold": ("Nichts gecacht (jede Anfrage rendert alles)", 0, 0),
}


def checkout_of(ref, folder):
    """A detached worktree of `ref` in bench/<folder> (made anew when the ref differs)."""
    path = BENCH / folder
    wanted = subprocess.run(
        ["git", "rev-parse", ref], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    if path.exists():
        current = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=path, capture_output=True, text=True
        ).stdout.strip()
        if current == wanted:
            return path
        subprocess.run(["git", "worktree", "remove", "--force", str(path)], cwd=ROOT, check=True)
    subprocess.run(["git", "worktree", "add", "--detach", str(path), wanted], cwd=ROOT, check=True)
    return path


def run_phase(title, versions, page_cache, fragment_cache):
    """Measure every page of every version (name -> checkout) under one cache setting."""
    print(f"\n== {title}", flush=True)
    servers = {}
    try:
        for name, checkout in versions.items():
            servers[name] = Server(checkout, bench_env(checkout, page_cache, fragment_cache))
        first = next(iter(servers.values()))
        targets = pages.discover(first.port)
        if page_cache:  # the cached pages in every language, against the same static file
            targets.update(pages.in_languages(first.port, targets))
        targets.update(pages.yardsticks(first.port))
        for server in servers.values():
            pages.warm(server.port, targets.values(), WORKERS)  # every worker and its caches
        runs = {name: {label: [] for label in targets} for name in servers}
        order = list(servers)
        for round_number in range(ROUNDS):
            for label, path in targets.items():
                # Alternate which version goes first, so neither always meets a warmer machine.
                for name in order if round_number % 2 == 0 else reversed(order):
                    runs[name][label].append(load.measure(servers[name].url(path), SECONDS / ROUNDS))
        results = {}
        for name, server in servers.items():
            rows = {
                label: {"path": path, **load.summarise(runs[name][label])}
                for label, path in targets.items()
            }
            add_ratios(rows)
            results[name] = {
                "pages": rows,
                "home_first_visit_bytes": pages.first_visit_bytes(server.port),
                "worker_rss_mb": server.worker_rss_mb(),
            }
    finally:
        for server in servers.values():
            server.stop()
    print_phase(results)
    if page_cache:
        print_languages(results)
    return results


# Cached pages in every language serve at least at this share of the static file's rate.
LANGUAGE_TARGET = 0.9


def print_languages(results):
    """The cached pages in the other languages against the static file (issue 24: ≥ 0.9)."""
    rows = results["aktuell"]["pages"]
    slow = {label: row["vs_static"] for label, row in rows.items()
            if label.endswith("]") and (row["vs_static"] or 0) < LANGUAGE_TARGET}
    measured = sum(1 for label in rows if label.endswith("]"))
    print(f"Sprachen: {measured} gecachte Seiten in {', '.join(pages.LANGUAGES)}; "
          f"unter {LANGUAGE_TARGET} der statischen Datei: {slow or 'keine'}", flush=True)


def add_ratios(rows):
    minimal = rows.get("minimale Django-View", {}).get("rps")
    static = rows.get("statische Datei (whitenoise)", {}).get("rps")
    for row in rows.values():
        row["vs_minimal"] = round(row["rps"] / minimal, 3) if minimal else None
        row["vs_static"] = round(row["rps"] / static, 3) if static else None


def print_phase(results):
    names = list(results)
    current = results[names[-1]]["pages"]
    baseline = results[names[0]]["pages"] if len(names) > 1 else None
    header = f"{'Seite':32} {'req/s':>8} {'p95 ms':>7} {'÷minimal':>9} {'÷static':>8}"
    print(header + (f" {'÷vorher':>8}" if baseline else ""))
    for label, row in current.items():
        line = (
            f"{label:32} {row['rps']:8.0f} {row['p95_ms']:7.1f} {row['vs_minimal'] or 0:9.3f} "
            f"{row['vs_static'] or 0:8.3f}"
        )
        if baseline and label in baseline:
            line += f" {row['rps'] / baseline[label]['rps']:8.3f}"
        errors = row["errors"]
        print(line + (f"  {errors} Fehler" if errors else ""), flush=True)


def count_queries(checkout, paths):
    """In a separate process (no cache at all): SQL queries per request for each path."""
    result = subprocess.run(
        [PYTHON, str(BENCH / "queries.py"), *paths],
        cwd=checkout, env=bench_env(checkout, 0, 0), capture_output=True, text=True, check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def pdf_times(checkout):
    script = Path(checkout) / "bench" / "pdf_render.py"
    env = bench_env(checkout, 0)
    result = subprocess.run(
        [PYTHON, str(script)], cwd=checkout, env=env, capture_output=True, text=True, timeout=600
    )
    output = (result.stdout + result.stderr).strip()
    try:
        return json.loads(result.stdout.strip().splitlines()[-1]), output
    except (ValueError, IndexError):
        return None, output


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", metavar="REF", help="eine andere Version im selben Lauf messen")
    parser.add_argument("--current", metavar="REF", help="statt des Arbeitsstands diese Version messen")
    parser.add_argument("--phases", default=",".join(PHASES), help="z. B. cached,uncached")
    args = parser.parse_args()
    load.require_wrk()

    current = checkout_of(args.current, ".current") if args.current else ROOT
    versions = {"aktuell": current}
    if args.compare:
        versions = {f"vorher ({args.compare})": checkout_of(args.compare, ".baseline"), "aktuell": current}
    database = os.environ.get("BENCH_DATABASE_URL")
    for checkout in versions.values():
        # A baseline keeps its own SQLite file; PostgreSQL serves only the current version.
        url = database if checkout == current else None
        prepare_database(checkout, bench_env(checkout, 300, database_url=url))

    report = {
        "started_at": datetime.now(UTC).isoformat(),
        "database": (database or "sqlite").split("@")[-1],
        "versions": {name: str(path) for name, path in versions.items()},
        "seconds_per_target": SECONDS,
        "rounds": ROUNDS,
        "connections": load.CONNECTIONS,
        "gunicorn_workers": WORKERS,
        "cpus": os.cpu_count(),
    }
    if "gross" in SCENARIOS:
        for phase in args.phases.split(","):
            title, page_cache, fragment_cache = PHASES[phase]
            report[phase] = run_phase(title, versions, page_cache, fragment_cache)
        measured = report[args.phases.split(",")[0]]["aktuell"]["pages"]
        report["queries"] = count_queries(current, [row["path"] for row in measured.values()])
        report["pdf"], report["pdf_output"] = pdf_times(current)
        print("\nSQL-Abfragen je Seite:", json.dumps(report["queries"], ensure_ascii=False))
        # The table of bench/pdf_render.py (without its JSON line): the figures of issue 22.
        print("\nPDF:\n" + "\n".join(report["pdf_output"].splitlines()[: -1 if report["pdf"] else None]))
    if "bundesweit" in SCENARIOS:
        national.prepare(current)
        report["national"] = {
            phase: national.run_phase(*PHASES[phase], seconds=SECONDS, rounds=ROUNDS, checkout=current)
            for phase in ("cached", "uncached")
        }
    results = BENCH / "results"
    results.mkdir(exist_ok=True)
    out = results / f"bench-{datetime.now(UTC).strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"\nErgebnisse: {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
