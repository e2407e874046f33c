"""The production-like stack of `make observatory`: tools, a throwaway CA, the portal under
gunicorn behind nginx with deploy/nginx-buendnis.conf, and buendnis.test in /etc/hosts."""

import os
import secrets
import shutil
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NGINX_TEMPLATE = ROOT / "deploy" / "nginx-buendnis.conf"
PYTHON = sys.executable
HOST = "buendnis.test"
SCANNER = os.environ.get("OBSERVATORY_SCANNER", "@mdn/mdn-http-observatory@1.4.8")
HOSTS_FILE = Path("/etc/hosts")
HOSTS_MARK = "# bench/observatory.py"
MINIMUM_NODE = 20


def say(message):
    print(message, flush=True)


def run(args, **kwargs):
    return subprocess.run(args, check=True, **kwargs)


# --- What the run needs --------------------------------------------------------------

def require_root():
    if os.geteuid() != 0:
        raise SystemExit(
            "make observatory braucht root: nginx lauscht auf den Ports 80 und 443, und "
            f"{HOSTS_FILE} bekommt einen Eintrag für {HOST}."
        )


def require_free_ports():
    for port in (80, 443):
        with socket.socket() as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                raise SystemExit(f"Port {port} auf 127.0.0.1 ist belegt.") from None


def apt_install(*packages):
    say(f"Installiere {' '.join(packages)} (apt-get) …")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run(["apt-get", "update", "-qq"], env=env)
    run(["apt-get", "install", "-y", "-qq", *packages], env=env, stdout=subprocess.DEVNULL)


def node_major():
    try:
        version = subprocess.run(
            ["node", "--version"], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return 0
    return int(version.strip().lstrip("v").split(".")[0])


def install_tools():
    missing = [name for name in ("nginx", "openssl") if not shutil.which(name)]
    if not shutil.which("node") or not shutil.which("npm"):
        missing += ["nodejs", "npm"]
    if missing:
        apt_install(*missing)
    if node_major() < MINIMUM_NODE:
        raise SystemExit(f"Der Scanner braucht Node.js ab Version {MINIMUM_NODE}.")


def install_scanner(work):
    """The scanner into work/scanner; returns the package directory."""
    say(f"Installiere {SCANNER} (npm) …")
    prefix = work / "scanner"
    prefix.mkdir()
    # --ignore-scripts: the install scripts fetch Mozilla's CA bundle, Chromium's HSTS
    # preload list and the TLD list from the internet; none of them is needed here.
    run(
        ["npm", "install", "--prefix", str(prefix), "--ignore-scripts", "--no-audit",
         "--no-fund", "--loglevel=error", SCANNER],
        stdout=subprocess.DEVNULL,
    )
    package = prefix / "node_modules" / "@mdn" / "mdn-http-observatory"
    # The HSTS test reads the preload list; buendnis.test is not on it, so an empty one
    # gives the same result as the real one.
    preload = package / "conf" / "hsts-preload.json"
    if not preload.exists():
        preload.write_text("{}")
    return package


# --- Certificates ------------------------------------------------------------------

def make_certificates(tls):
    """A throwaway CA and a server certificate for HOST, signed by it."""
    tls.mkdir(mode=0o700)
    ca_key, ca_cert = tls / "ca.key", tls / "ca.pem"
    key, csr, cert = tls / "server.key", tls / "server.csr", tls / "server.pem"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
         "-nodes", "-keyout", str(ca_key), "-out", str(ca_cert), "-days", "2",
         "-subj", "/O=Buendnisportal/CN=Buendnisportal Observatory Test-CA",
         "-addext", "basicConstraints=critical,CA:TRUE",
         "-addext", "keyUsage=critical,keyCertSign,cRLSign"], **quiet)
    run(["openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
         "-nodes", "-keyout", str(key), "-out", str(csr), "-subj", f"/CN={HOST}"], **quiet)
    extensions = tls / "server.ext"
    extensions.write_text(
        f"subjectAltName=DNS:{HOST}\n"
        "basicConstraints=critical,CA:FALSE\n"
        "keyUsage=critical,digitalSignature\n"
        "extendedKeyUsage=serverAuth\n"
    )
    run(["openssl", "x509", "-req", "-in", str(csr), "-CA", str(ca_cert), "-CAkey",
         str(ca_key), "-CAcreateserial", "-out", str(cert), "-days", "2", "-sha256",
         "-extfile", str(extensions)], **quiet)
    for path in (ca_key, key):
        path.chmod(0o600)
    return ca_cert, cert, key


# --- The portal ----------------------------------------------------------------------

def portal_env(work):
    # Nothing from the calling shell but PATH and HOME: every other setting at its
    # production default.
    env = {key: os.environ[key] for key in ("PATH", "HOME") if key in os.environ}
    env.update(
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS=HOST,
        CSRF_TRUSTED_ORIGINS=f"https://{HOST}",
        SITE_URL=f"https://{HOST}",
        BEHIND_TLS_PROXY="true",
        CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR",
        DATABASE_URL=f"sqlite:///{work / 'portal.sqlite3'}",
        MEDIA_ROOT=str(work / "media"),
        STATIC_ROOT=str(work / "static"),
        LOG_LEVEL="WARNING",
    )
    return env


def prepare_portal(env):
    say("Datenbank, Demo-Bündnis und statische Dateien …")
    for args in (
        ["migrate", "--noinput", "-v0"],
        ["load_demo", "--no-admin"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, stdout=subprocess.DEVNULL)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(env, port, work):
    # gunicorn's and Django's messages (the scanner's 404s among them) go to a file,
    # shown only when something fails.
    with open(work / "gunicorn.log", "wb") as log:
        return subprocess.Popen(
            [str(Path(PYTHON).parent / "gunicorn"), "portal.wsgi", "--workers", "2",
             "--bind", f"127.0.0.1:{port}", "--timeout", "60", "--log-level", "warning"],
            cwd=ROOT, env=env, start_new_session=True, stdout=log, stderr=log,
        )


def logs(work):
    text = []
    for path in (work / "gunicorn.log", work / "nginx" / "error.log"):
        if path.exists():
            lines = path.read_text(errors="replace").splitlines()[-20:]
            text.append(f"--- {path.name} ---\n" + "\n".join(lines))
    return "\n".join(text)


# --- nginx ---------------------------------------------------------------------------

def site_config(port, cert, key, media):
    """deploy/nginx-buendnis.conf for this machine: only the local values replaced."""
    text = NGINX_TEMPLATE.read_text()
    replacements = [
        ("/etc/letsencrypt/live/buendnis.example.org/fullchain.pem", str(cert)),
        ("/etc/letsencrypt/live/buendnis.example.org/privkey.pem", str(key)),
        ("server 127.0.0.1:8001;", f"server 127.0.0.1:{port};"),
        ("alias /srv/buendnis/media/;", f"alias {media}/;"),
        ("buendnis.example.org", HOST),
        ("listen 80;", "listen 127.0.0.1:80;"),
        ("listen 443 ssl http2;", "listen 127.0.0.1:443 ssl http2;"),
    ]
    for old, new in replacements:
        if old not in text:
            raise SystemExit(f"{NGINX_TEMPLATE.name} enthält „{old}“ nicht mehr.")
        text = text.replace(old, new)
    # Only the loopback address: no IPv6 listener.
    return "\n".join(line for line in text.splitlines() if "listen [::]" not in line) + "\n"


def start_nginx(work, site):
    nginx = work / "nginx"
    nginx.mkdir()
    (nginx / "site.conf").write_text(site)
    (nginx / "nginx.conf").write_text(
        f"""daemon off;
worker_processes 1;
pid {nginx}/nginx.pid;
error_log {nginx}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {nginx}/access.log;
    client_body_temp_path {nginx}/client_body;
    proxy_temp_path {nginx}/proxy;
    fastcgi_temp_path {nginx}/fastcgi;
    uwsgi_temp_path {nginx}/uwsgi;
    scgi_temp_path {nginx}/scgi;
    include {nginx}/site.conf;
}}
"""
    )
    args = ["nginx", "-p", str(nginx), "-c", str(nginx / "nginx.conf"), "-e",
            str(nginx / "error.log")]
    check = subprocess.run([*args, "-t", "-q"], capture_output=True, text=True)
    if check.returncode:
        raise SystemExit("nginx-Konfiguration ungültig:\n" + check.stderr)
    return subprocess.Popen(args, start_new_session=True)


# --- /etc/hosts ----------------------------------------------------------------------

def hosts_without_mark(text):
    return "".join(line for line in text.splitlines(keepends=True) if HOSTS_MARK not in line)


def add_hosts_entry():
    """Returns the text to restore: /etc/hosts as it was, less entries of a lost run."""
    original = hosts_without_mark(HOSTS_FILE.read_text())
    newline = "" if not original or original.endswith("\n") else "\n"
    HOSTS_FILE.write_text(f"{original}{newline}127.0.0.1 {HOST} {HOSTS_MARK}\n")
    return original


def stop(process):
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


