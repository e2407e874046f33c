"""`make observatory`: Mozilla's HTTP Observatory against a production-like local setup.

The public Observatory cannot reach this machine, so this runs Mozilla's own scanner
(npm package @mdn/mdn-http-observatory) locally, end to end:

1. Installs what is missing: nginx and openssl (apt-get), the scanner (npm, into a
   temporary directory, without install scripts: they download lists from the internet).
2. Creates a throwaway CA and a certificate for buendnis.test (openssl), a migrated
   SQLite database with the demo alliance (`load_demo --no-admin`), and collectstatic.
3. Starts gunicorn (DEBUG=false, BEHIND_TLS_PROXY=true, ALLOWED_HOSTS=buendnis.test) on
   a free 127.0.0.1 port and nginx on 127.0.0.1:80 and :443 with the recommended proxy
   configuration deploy/nginx-buendnis.conf (only domain, certificate, port and media
   folder replaced), and points buendnis.test at 127.0.0.1 in /etc/hosts.
4. Runs the scanner (`src/scan.js buendnis.test`, with NODE_EXTRA_CA_CERTS set to the
   test CA, so the certificate counts as valid) and prints grade, score and each test.
5. Stops nginx and gunicorn, restores /etc/hosts, removes the temporary directory and
   exits non-zero below A+. The scanner's JSON goes to bench/results/.

Needs root (ports 80 and 443, /etc/hosts). Not a test: a manual check like `make bench`.
"""

import json
import os
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from bench.stack import (
    HOST,
    HOSTS_FILE,
    ROOT,
    add_hosts_entry,
    free_port,
    install_scanner,
    install_tools,
    logs,
    make_certificates,
    portal_env,
    prepare_portal,
    require_free_ports,
    require_root,
    say,
    site_config,
    start_gunicorn,
    start_nginx,
    stop,
)

RESULTS = ROOT / "bench" / "results"


# --- Checks before the scan ----------------------------------------------------------

def wait_until_up(ca_cert, processes, work):
    context = ssl.create_default_context(cafile=str(ca_cert))
    opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=context))
    deadline = time.monotonic() + 60
    while True:
        for name, process in processes.items():
            if process.poll() is not None:
                raise SystemExit(f"{name} ist beendet.\n{logs(work)}")
        try:
            with opener.open(f"https://{HOST}/healthz", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise SystemExit(f"https://{HOST}/healthz antwortet nicht.\n{logs(work)}")
        time.sleep(0.3)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def proxy_checks(ca_cert, media):
    """What the scanner does not see: /media/ straight from nginx, redirects with paths."""
    (media / "observatory").mkdir(parents=True, exist_ok=True)
    (media / "observatory" / "probe.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (media / "pdf-cache").mkdir(exist_ok=True)
    (media / "pdf-cache" / "probe.pdf").write_bytes(b"%PDF-1.7")
    context = ssl.create_default_context(cafile=str(ca_cert))
    opener = urllib.request.build_opener(
        NoRedirect, urllib.request.HTTPSHandler(context=context)
    )

    def fetch(url):
        try:
            with opener.open(url, timeout=10) as response:
                return response.status, response.headers
        except urllib.error.HTTPError as error:
            return error.code, error.headers

    checks = []
    status, headers = fetch(f"http://{HOST}/partner/?q=familie")
    checks.append((
        "HTTP leitet mit Pfad auf HTTPS um",
        status == 301 and headers.get("Location") == f"https://{HOST}/partner/?q=familie",
    ))
    status, headers = fetch(f"https://{HOST}/media/observatory/probe.png")
    checks.append(("/media/ direkt von nginx", status == 200))
    for name in ("Strict-Transport-Security", "X-Content-Type-Options",
                 "Content-Security-Policy", "Cross-Origin-Resource-Policy"):
        checks.append((f"/media/: {name} genau einmal", len(headers.get_all(name) or []) == 1))
    status, headers = fetch(f"https://{HOST}/media/pdf-cache/probe.pdf")
    checks.append(("/media/pdf-cache/ nicht direkt ausgeliefert", status == 404))
    status, headers = fetch(f"https://{HOST}/")
    checks.append(("Startseite: jeder Sicherheits-Header genau einmal", all(
        len(headers.get_all(name) or []) == 1
        for name in ("Strict-Transport-Security", "Content-Security-Policy",
                     "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy",
                     "Cross-Origin-Opener-Policy", "Cross-Origin-Resource-Policy")
    )))
    return checks


def scan(package, ca_cert):
    # src/scan.js directly: the package's bin wrapper sets NODE_EXTRA_CA_CERTS to
    # Mozilla's bundle and would drop the test CA. Without it the scanner retries with
    # certificate checks off and marks HSTS and the redirection as invalid.
    env = {**os.environ, "NODE_EXTRA_CA_CERTS": str(ca_cert)}
    result = subprocess.run(
        ["node", str(package / "src" / "scan.js"), HOST],
        env=env, capture_output=True, text=True, timeout=120,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        raise SystemExit(f"Scanner ohne JSON:\n{result.stdout}\n{result.stderr}") from None
    if "error" in report:
        raise SystemExit(f"Scanner meldet: {report['error']}")
    return report


# The scanner looks at / only, where the portal sets no cookie. These pages have forms
# and so set the CSRF cookie: the same tests, through the scanner's own functions.
FORM_PAGES = ["/buendniserklaerung/unterzeichnen/", "/verwaltung/login/"]
SCAN_PATHS = """
const [packageUrl, host, ...paths] = process.argv.slice(2);
const { retrieve } = await import(`${packageUrl}/src/retriever/retriever.js`);
const { ALL_TESTS } = await import(`${packageUrl}/src/constants.js`);
const { getScoreModifier } = await import(`${packageUrl}/src/grader/grader.js`);
const pages = {};
for (const path of paths) {
  const requests = await retrieve(host, { path });
  const tests = {};
  for (const test of ALL_TESTS) {
    const output = test(requests);
    tests[output.constructor.name] = {
      pass: output.pass,
      result: output.result,
      scoreModifier: getScoreModifier(output.result),
      data: output.data,
    };
  }
  pages[path] = { status: requests.responses.auto?.status ?? null, tests };
}
console.log(JSON.stringify(pages));
"""


def scan_form_pages(package, ca_cert, work):
    script = work / "scan-paths.mjs"
    script.write_text(SCAN_PATHS)
    env = {**os.environ, "NODE_EXTRA_CA_CERTS": str(ca_cert)}
    result = subprocess.run(
        ["node", str(script), package.as_uri(), HOST, *FORM_PAGES],
        env=env, capture_output=True, text=True, timeout=120,
    )
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError:
        raise SystemExit(f"Scanner ohne JSON:\n{result.stdout}\n{result.stderr}") from None


def form_pages_pass(pages):
    return all(
        page["status"] == 200 and all(test["pass"] for test in page["tests"].values())
        for page in pages.values()
    )


def print_form_pages(pages):
    say("\nSeiten mit Formular (dieselben Tests, ohne Note):")
    for path, page in pages.items():
        cookies = page["tests"]["cookies"]
        names = ", ".join(sorted(cookies["data"] or {})) or "keine"
        failed = [name for name, test in page["tests"].items() if not test["pass"]]
        passed = len(page["tests"]) - len(failed)
        say(f"  {path} (HTTP {page['status']}): {passed} von {len(page['tests'])} bestanden"
            + (f", NICHT: {', '.join(failed)}" if failed else ""))
        say(f"      cookies {cookies['scoreModifier']:+d} {cookies['result']} ({names})")


def print_report(report, version):
    summary = report["scan"]
    say("")
    say(f"Mozilla HTTP Observatory ({version}), http(s)://{HOST}/")
    say(f"Note {summary['grade']}, {summary['score']} Punkte, "
        f"{summary['testsPassed']} von {summary['testsQuantity']} Tests bestanden")
    say("")
    for name, test in report["tests"].items():
        mark = "ok " if test["pass"] else "NEIN"
        say(f"  {mark}  {test['scoreModifier']:+4d}  {name:<32} {test['result']}")


def scanner_version(package):
    return "@mdn/mdn-http-observatory " + json.loads((package / "package.json").read_text())[
        "version"
    ]


# --- Main ----------------------------------------------------------------------------

# --- Main ----------------------------------------------------------------------------

def main():
    require_root()
    require_free_ports()
    install_tools()
    # SIGTERM (make interrupted) cleans up like Ctrl-C.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    work = Path(tempfile.mkdtemp(prefix="observatory-"))
    work.chmod(0o755)  # nginx's workers (nobody) read the media folder below it
    gunicorn = nginx = None
    hosts = None
    try:
        package = install_scanner(work)
        version = scanner_version(package)
        ca_cert, cert, key = make_certificates(work / "tls")
        env = portal_env(work)
        prepare_portal(env)
        port = free_port()
        gunicorn = start_gunicorn(env, port, work)
        nginx = start_nginx(work, site_config(port, cert, key, work / "media"))
        hosts = add_hosts_entry()
        wait_until_up(ca_cert, {"gunicorn": gunicorn, "nginx": nginx}, work)
        say(f"Scanne http://{HOST}/ und https://{HOST}/ …")
        report = scan(package, ca_cert)
        report["formPages"] = scan_form_pages(package, ca_cert, work)
        report["proxyChecks"] = dict(proxy_checks(ca_cert, work / "media"))
    finally:
        if hosts is not None:
            HOSTS_FILE.write_text(hosts)
        stop(nginx)
        stop(gunicorn)
        if os.environ.get("OBSERVATORY_KEEP") == "1":
            say(f"Arbeitsverzeichnis bleibt: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    report["scanner"] = version
    report["date"] = datetime.now(UTC).isoformat(timespec="seconds")
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"observatory-{datetime.now(UTC):%Y%m%d-%H%M%S}.json"
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print_report(report, version)
    print_form_pages(report["formPages"])
    say("\nProxy (deploy/nginx-buendnis.conf):")
    for name, passed in report["proxyChecks"].items():
        say(f"  {'ok ' if passed else 'NEIN'}  {name}")
    say(f"\nJSON: {out.relative_to(ROOT)}")
    if report["scan"]["grade"] != "A+":
        say("Ziel A+ nicht erreicht.")
        return 1
    if not form_pages_pass(report["formPages"]):
        say("Eine Seite mit Formular besteht nicht jeden Test.")
        return 1
    if not all(report["proxyChecks"].values()):
        say("Eine Prüfung des Proxys schlägt fehl.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
