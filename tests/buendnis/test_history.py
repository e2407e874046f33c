"""Change history of the alliance profile, content pages and fields of action."""

from buendnis.models import Alliance, Page
from tests.factories import FieldOfActionFactory
from tests.support.admin_forms import changes, edit


def test_alliance_changes_are_recorded(coordinator_client, coordinator):
    alliance = Alliance.current()
    edit(coordinator_client, "buendnis_alliance", alliance, tagline="Familie zuerst")
    latest = alliance.history.latest()
    assert latest.history_user == coordinator and latest.tagline == "Familie zuerst"
    assert "tagline" in changes(latest)


def test_content_pages_are_recorded(coordinator_client, coordinator):
    page = Page.objects.get(slug=Page.Slug.LEGAL_NOTICE)
    edit(coordinator_client, "buendnis_page", page, body="<p>Neue Anschrift</p>")
    latest = page.history.latest()
    assert latest.history_user == coordinator
    assert changes(latest)["body"][1] == "<p>Neue Anschrift</p>"


def test_fields_of_action_are_recorded(coordinator_client, coordinator):
    field = FieldOfActionFactory(name="Kinderbetreuung")
    edit(coordinator_client, "buendnis_fieldofaction", field, summary="Betreuung in Randzeiten")
    assert changes(field.history.latest())["summary"][1] == "Betreuung in Randzeiten"


def test_each_object_reads_its_own_records_through_one_manager_class(alliance):
    """`obj.history` is made from one class per model (django-simple-history made a new
    class on every access), and still reads only that object's records."""
    from buendnis.history import HistoryManagerMadeOnce

    first, second = FieldOfActionFactory(name="Beruf"), FieldOfActionFactory(name="Pflege")
    first.name = "Beruf und Familie"
    first.save()
    assert isinstance(type(first).__dict__["history"], HistoryManagerMadeOnce)
    assert type(first.history) is type(second.history)
    assert [record.name for record in first.history.all()] == ["Beruf und Familie", "Beruf"]
    assert [record.name for record in second.history.all()] == ["Pflege"]
