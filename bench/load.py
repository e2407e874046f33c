"""Load from wrk, the field-standard HTTP benchmark (Debian's package `wrk`).

One wrk run per measurement: one thread, BENCH_CONNECTIONS connections for the given
seconds, `Accept-Encoding: gzip, br` like a browser. `wrk_report.lua` prints the
counts and the latency percentiles as one JSON line.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "4"))
REPORT = Path(__file__).with_name("wrk_report.lua")


def require_wrk():
    if not shutil.which("wrk"):
        raise SystemExit(
            "wrk fehlt: sudo apt-get install wrk (make bench installiert es als root) / wrk is missing."
        )


def measure(url, seconds, host=None):
    """Requests per second, latencies (µs) and bytes of `url` under load for `seconds`
    (whole seconds, at least one: wrk takes no fractions)."""
    command = [
        "wrk", "-t1", f"-c{CONNECTIONS}", f"-d{max(1, round(seconds))}s", "--timeout", "30s",
        "-s", str(REPORT), "-H", "Accept-Encoding: gzip, br",
    ]
    if host:
        command += ["-H", f"Host: {host}"]
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def summarise(runs):
    """One row from several wrk runs of the same target (rounds)."""
    requests = sum(run["requests"] for run in runs)
    seconds = sum(run["duration_us"] for run in runs) / 1e6
    weights = [run["requests"] or 1 for run in runs]

    def weighted(key):
        return sum(run[key] * weight for run, weight in zip(runs, weights, strict=True)) / sum(weights)

    return {
        "requests": requests,
        "errors": sum(run["errors"] + run["status_errors"] for run in runs),
        "rps": round(requests / seconds, 1) if seconds else 0,
        "p50_ms": round(weighted("p50_us") / 1000, 1),
        "p95_ms": round(max(run["p95_us"] for run in runs) / 1000, 1),
        "p99_ms": round(max(run["p99_us"] for run in runs) / 1000, 1),
        "bytes": round(sum(run["bytes"] for run in runs) / requests) if requests else 0,
    }
