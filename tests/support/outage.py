"""Make the database go away for a while, the way each test database allows.

- Always available: every query on this thread's connection raises
  OperationalError, as psycopg or sqlite do when the server is gone.
- On PostgreSQL in CI (.ci/run exports PG_CTL and PGDATA): the server is really
  stopped and started again; `finally` starts it even when the test fails.
"""

import contextlib
import os
import shlex
import subprocess
import time
from pathlib import Path

from django.db import OperationalError, connection, connections


def real_outage_possible():
    # Stopping the server would fail the tests of the other workers (pytest-xdist):
    # .ci/run runs the `outage` tests alone for that.
    alone = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT") or 1) == 1
    return (
        connection.vendor == "postgresql"
        and bool(os.environ.get("PG_CTL"))
        and bool(os.environ.get("PGDATA"))
        and alone
    )


@contextlib.contextmanager
def refused_queries():
    def refuse(execute, sql, params, many, context):
        raise OperationalError("server closed the connection unexpectedly")

    with connection.execute_wrapper(refuse):
        yield


def _as_postgres(command):
    if os.getuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def _server_options(pgdata):
    """The options the server was started with (port, socket dir, …), without -D."""
    words = shlex.split(Path(pgdata, "postmaster.opts").read_text())[1:]
    options, skip = [], False
    for word in words:
        if skip:
            skip = False
            continue
        if word == "-D":
            skip = True
            continue
        options.append(word)
    return shlex.join(options)


@contextlib.contextmanager
def stopped_postgres():
    pg_ctl, pgdata = os.environ["PG_CTL"], os.environ["PGDATA"]
    options = _server_options(pgdata)
    connections.close_all()
    subprocess.run(_as_postgres([pg_ctl, "-D", pgdata, "-m", "fast", "-w", "stop"]), check=True,
                   capture_output=True)
    try:
        yield
    finally:
        subprocess.run(
            _as_postgres([pg_ctl, "-D", pgdata, "-o", options, "-l", f"{pgdata}/restart.log",
                          "-w", "start"]),
            check=True,
            capture_output=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                connection.close()
                connection.ensure_connection()
                break
            except OperationalError:
                time.sleep(0.2)


def database_outage():
    return stopped_postgres() if real_outage_possible() else refused_queries()
