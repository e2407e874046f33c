"""The one page in Leichte Sprache (`Page` with the slug "leichte-sprache") becomes the
home variant of the pages in Leichte Sprache: its text is the part "what the website is
about"; the other three parts BITV 2.0 asks for get the portal's starter text (the same
as a new alliance gets). A published page stays published, so /leichte-sprache/ keeps
answering; then the old page is removed."""

from django.db import migrations

STARTER = {
    "navigation": (
        "<p>Oben auf jeder Seite ist ein Menü.</p>"
        "<p>Im Menü stehen die wichtigen Seiten.</p>"
        "<p>Zum Beispiel: Partner und Termine.</p>"
        "<p>Oben steht auch: Leichte Sprache.</p>"
        "<p>Damit kommen Sie immer zurück zu dieser Seite.</p>"
        "<p>Unten auf jeder Seite stehen unsere Adresse und unsere Telefon-Nummer.</p>"
    ),
    "accessibility": (
        "<p>Alle Menschen sollen unsere Website gut benutzen können.</p>"
        "<p>Auch Menschen mit Behinderung.</p>"
        "<p>Das nennt man: barrierefrei.</p>"
        "<p>Wir haben geprüft: Wie barrierefrei ist unsere Website?</p>"
        "<p>Das Ergebnis steht in der Erklärung zur Barrierefreiheit.</p>"
        "<p>Dort steht auch: So können Sie uns ein Problem melden.</p>"
        "<p>Den Link zur Erklärung finden Sie unten auf jeder Seite.</p>"
    ),
    "other_pages": "<p>Diese Seiten gibt es auch in Leichter Sprache:</p>",
}


def forwards(apps, schema_editor):
    Page = apps.get_model("buendnis", "Page")
    EasyReadPage = apps.get_model("buendnis", "EasyReadPage")
    for page in Page._base_manager.filter(slug="leichte-sprache"):
        if not EasyReadPage._base_manager.filter(alliance_id=page.alliance_id, topic="start").exists():
            EasyReadPage._base_manager.create(
                alliance_id=page.alliance_id,
                topic="start",
                title=page.title or "Leichte Sprache",
                main_contents=page.body,
                published=page.published and bool(page.body.strip()),
                **STARTER,
            )
        page.delete()


def backwards(apps, schema_editor):
    Page = apps.get_model("buendnis", "Page")
    EasyReadPage = apps.get_model("buendnis", "EasyReadPage")
    for home in EasyReadPage._base_manager.filter(topic="start"):
        Page._base_manager.get_or_create(
            alliance_id=home.alliance_id,
            slug="leichte-sprache",
            defaults={"title": home.title, "body": home.main_contents, "published": home.published},
        )


class Migration(migrations.Migration):
    dependencies = [("buendnis", "0010_easy_read_pages")]

    operations = [migrations.RunPython(forwards, backwards)]
