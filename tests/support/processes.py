"""Hit one rate limit from several real OS processes at the same moment.

Each process sets Django up on its own, like a gunicorn worker, and connects to
the test database (and to Redis when `RATELIMIT_REDIS_URL` is set). It then says
"ready" and waits for a line on stdin; the test sends that line to all of them
once every one is ready, so they start hitting together.

Run as a worker: python -m tests.support.processes KEY LIMIT HITS TIMESTAMP
"""

import os
import select
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from unittest import mock

from django.conf import settings

REPOSITORY = Path(__file__).resolve().parents[2]


def hit_from_processes(key, limit, processes, hits_per_process, redis_url="", timeout=60):
    """Return the number of allowed hits of each process."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "TEST_DATABASE_NAME": str(settings.DATABASES["default"]["NAME"]),
        # Set even when empty: a REDIS_URL of the developer's shell must not switch stores.
        "RATELIMIT_REDIS_URL": redis_url,
    }
    # One clock for every process, so that no hit falls into the next window
    # when the test happens to run across the full hour.
    timestamp = str(time.time())
    command = [sys.executable, "-m", "tests.support.processes", key, str(limit),
               str(hits_per_process), timestamp]
    workers = [
        subprocess.Popen(command, cwd=REPOSITORY, env=env, text=True, stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(processes)
    ]
    try:
        deadline = time.monotonic() + timeout
        for worker in workers:
            _expect_line(worker, "ready", deadline)
        for worker in workers:
            worker.stdin.write("go\n")
            worker.stdin.flush()
        results = []
        for worker in workers:
            results.append(int(_expect_line(worker, None, deadline)))
            worker.communicate(timeout=max(deadline - time.monotonic(), 1))
        return results
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()


def _expect_line(worker, expected, deadline):
    ready, _, _ = select.select([worker.stdout], [], [], max(deadline - time.monotonic(), 0))
    line = worker.stdout.readline().strip() if ready else ""
    if not line or (expected and line != expected):
        worker.kill()
        _, stderr = worker.communicate()
        raise AssertionError(f"worker process said {line!r} (exit {worker.returncode}):\n{stderr}")
    return line


def main(key, limit, hits, timestamp):
    import django
    from django.db import connection

    # Before the first connection: the same server as the test run, its test database.
    if os.environ.get("TEST_DATABASE_NAME"):
        settings.DATABASES["default"]["NAME"] = os.environ["TEST_DATABASE_NAME"]
    django.setup()
    from buendnis import ratelimit
    from buendnis.models import Alliance
    from buendnis.tenancy import activate

    # Connect before the start, so that the hits race and not the connection set-ups.
    connection.ensure_connection()
    if settings.RATELIMIT_REDIS_URL:
        ratelimit._redis(settings.RATELIMIT_REDIS_URL).ping()
    print("ready", flush=True)
    sys.stdin.readline()
    now = datetime.fromtimestamp(float(timestamp), tz=UTC)
    with mock.patch("django.utils.timezone.now", return_value=now), activate(
        Alliance.objects.order_by("pk").first()
    ):
        allowed = sum(ratelimit.hit(key, int(limit)) for _ in range(int(hits)))
    print(allowed, flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
