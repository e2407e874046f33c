"""The portal under gunicorn for `make bench`: environment, database, the server process."""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

PYTHON = sys.executable
WORKERS = 2


def bench_env(checkout, page_cache_seconds, fragment_cache_seconds=300, database_url=None):
    """The environment of a checkout's portal: DEBUG off, its own bench database and media."""
    bench = Path(checkout) / "bench"
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url or f"sqlite:///{bench / 'bench.sqlite3'}",
        MEDIA_ROOT=str(bench / "media"),
        STATIC_ROOT=str(Path(checkout) / "staticfiles"),
        DEBUG="false",
        SECRET_KEY=env.get("BENCH_SECRET_KEY") or "bench-" + secrets.token_urlsafe(50),
        ALLOWED_HOSTS="*",
        SITE_URL="http://127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        SECURE_HSTS_SECONDS="0",
        # The bench's URLs (bench/settings.py). A checkout from before them (BENCH_COMPARE)
        # switched its minimal views on with BENCH_MINIMAL_VIEW.
        DJANGO_SETTINGS_MODULE="bench.settings" if (bench / "settings.py").exists() else "portal.settings",
        BENCH_MINIMAL_VIEW="1",
        RATELIMIT_ENABLED="false",
        PAGE_CACHE_SECONDS=str(page_cache_seconds),
        FRAGMENT_CACHE_SECONDS=str(fragment_cache_seconds),
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(checkout),
    )
    return env


def manage(checkout, env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=checkout, env=env, check=True)


def prepare_database(checkout, env, fill_args=()):
    """Migrate, fill once (a fresh SQLite file, or BENCH_FILL=1), collect static files."""
    url = env["DATABASE_URL"]
    fresh = url.startswith("sqlite") and not Path(url.removeprefix("sqlite:///")).exists()
    manage(checkout, env, "migrate", "--noinput", "-v0")
    if fresh or os.environ.get("BENCH_FILL") == "1":
        print(f"Fülle die Messdatenbank von {checkout} (einmalig) …", flush=True)
        manage(checkout, env, "fill_bench", *fill_args)
    manage(checkout, env, "collectstatic", "--noinput", "-v0")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def status_of(port, path, host="127.0.0.1"):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


class Server:
    """gunicorn with WORKERS sync workers on a free local port, as in production."""

    def __init__(self, checkout, env):
        self.checkout = Path(checkout)
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                str(Path(PYTHON).parent / "gunicorn"), "portal.wsgi",
                "--workers", str(WORKERS), "--bind", f"127.0.0.1:{self.port}",
                "--log-level", "warning", "--timeout", "60",
            ],
            cwd=self.checkout,
            env=env,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if status_of(self.port, "/healthz") == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        self.stop()
        raise SystemExit(f"gunicorn startet nicht ({self.checkout}).")

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

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
