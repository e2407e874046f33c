"""`make lint` fails when makemessages would add a message the catalogues lack
(portal/messages_check.py); `msgfmt --statistics` says how much is translated."""

import shutil

from portal import messages_check


def test_the_check_uses_the_makefile_ignore_list():
    assert messages_check.makefile_ignores() == [
        "--ignore=.venv/*", "--ignore=tests/*", "--ignore=bench/*", "--ignore=staticfiles/*",
        "--ignore=media/*",
    ]


def test_a_po_file_is_read_as_its_messages():
    po = '''msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\\n"

#: a.py:1
msgid "Termine"
msgstr "Dates"

msgctxt "Monat"
msgid "Mai"
msgstr ""

msgid ""
"Ein langer "
"Satz mit \\"Zitat\\""
msgid_plural "Sätze"
msgstr[0] ""

#~ msgid "Veraltet"
#~ msgstr "Old"
'''
    expected = {(None, "Termine"), ("Monat", "Mai"), (None, 'Ein langer Satz mit "Zitat"')}
    assert messages_check.messages(po) == expected


def test_a_new_message_in_the_code_fails_the_check(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(messages_check.ROOT, project, ignore=shutil.ignore_patterns(*messages_check.NOT_COPIED))
    (project / "buendnis" / "zz_new_words.py").write_text(
        "from django.utils.translation import gettext as _\n\n"
        'WORDS = _("Ein Satz, den noch kein Katalog kennt")\n'
    )
    gaps = messages_check.missing(root=project)
    assert set(gaps) == {"en", "tr", "ar", "uk"}
    for lacking in gaps.values():
        assert (None, "Ein Satz, den noch kein Katalog kennt") in lacking
        assert (None, "Zum Inhalt springen") not in lacking  # known to every catalogue

