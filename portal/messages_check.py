"""`make lint`: fails when `makemessages` would add a message that is not in the catalogues.

Runs `makemessages` (with the ignore list of the Makefile's `messages` target) in a
temporary copy of the project, so the catalogues in buendnis/locale stay untouched,
and compares sets of messages (msgctxt, msgid): a message of the code missing from a
language's catalogue fails. Translations are not compared (translators fill them in);
`msgfmt --statistics` reports those (`statistics()`).

    python -m portal.messages_check --ignore='.venv/*' …
"""

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE = Path("buendnis") / "locale"
# Not copied: they are ignored by makemessages anyway and only cost time.
NOT_COPIED = (".git", ".venv", "node_modules", "staticfiles", "media", "__pycache__", "*.sqlite3*")


def makefile_ignores(root=ROOT):
    """The `--ignore=…` options of the Makefile's MAKEMESSAGES_IGNORE."""
    text = (root / "Makefile").read_text()
    match = re.search(r"^MAKEMESSAGES_IGNORE :=((?:.*\\\n)*.*)$", text, flags=re.MULTILINE)
    return [option.replace("'", "") for option in re.findall(r"--ignore='[^']*'", match.group(1))]


def translated_languages():
    from django.conf import settings

    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def _unquote(parts):
    text = "".join(part.strip()[1:-1] for part in parts)
    return re.sub(r'\\(["\\nt])', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


def messages(po_text):
    """The (msgctxt, msgid) of a .po or .pot file's live entries, without the header;
    obsolete entries (#~) do not count."""
    found = set()
    for block in re.split(r"\n\s*\n", po_text):
        fields, keyword = {}, None
        for line in block.splitlines():
            if line.startswith("#"):
                continue
            if line.startswith('"'):
                if keyword:
                    fields[keyword].append(line)
                continue
            keyword, _, rest = line.partition(" ")
            fields[keyword] = [rest]
        if fields.get("msgid") and _unquote(fields["msgid"]):
            context = _unquote(fields["msgctxt"]) if "msgctxt" in fields else None
            found.add((context, _unquote(fields["msgid"])))
    return found


def code_messages(root=ROOT, ignores=None):
    """Every message `makemessages` finds in the project at `root`, as a set."""
    ignores = makefile_ignores(root) if ignores is None else ignores
    with tempfile.TemporaryDirectory(prefix="messages-check-") as tmp:
        copy = Path(tmp) / "project"
        shutil.copytree(root, copy, ignore=shutil.ignore_patterns(*NOT_COPIED), symlinks=True)
        language = translated_languages()[0]
        result = subprocess.run(
            [sys.executable, "manage.py", "makemessages", "-l", language, "--keep-pot", *ignores],
            cwd=copy, capture_output=True, text=True, timeout=600,
        )
        if result.returncode:
            raise RuntimeError(f"makemessages lief nicht: {result.stdout}{result.stderr}")
        return messages((copy / LOCALE / "django.pot").read_text())


def missing(root=ROOT, ignores=None):
    """{language: the code's messages its catalogue lacks}, only languages that lack some."""
    found = code_messages(root, ignores)
    gaps = {}
    for language in translated_languages():
        catalogue = root / LOCALE / language / "LC_MESSAGES" / "django.po"
        known = messages(catalogue.read_text()) if catalogue.exists() else set()
        if found - known:
            gaps[language] = found - known
    return gaps


def statistics(root=ROOT):
    """`msgfmt --statistics` of each language's catalogue: {language: (translated, fuzzy,
    untranslated)}."""
    counts = {}
    for language in translated_languages():
        catalogue = root / LOCALE / language / "LC_MESSAGES" / "django.po"
        result = subprocess.run(["msgfmt", "--statistics", "-o", "/dev/null", str(catalogue)],
                                capture_output=True, text=True, check=True)
        numbers = dict(
            (kind, int(number))
            for number, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", result.stderr)
        )
        counts[language] = tuple(numbers.get(kind, 0) for kind in ("translated", "fuzzy", "untranslated"))
    return counts


def main(argv):
    import django

    django.setup()
    gaps = missing(ignores=[arg for arg in argv if arg.startswith("--ignore")] or None)
    for language, lacking in sorted(gaps.items()):
        print(f"{language}: {len(lacking)} Meldungen fehlen im Katalog (make messages):")
        for context, msgid in sorted(lacking, key=lambda item: (item[0] or "", item[1]))[:20]:
            print(f"  {context + ' | ' if context else ''}{msgid!r}")
    return 1 if gaps else 0


if __name__ == "__main__":
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    sys.exit(main(sys.argv[1:]))
