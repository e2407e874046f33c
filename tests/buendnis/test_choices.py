"""`choice_label()` stands in for Django's get_FOO_display() on the models whose list
entries show a choice (buendnis/lib/choices.py): it must say exactly the same."""

import pytest
from django.db.models import Model

from arbeitsgruppen.models import Project, WorkingGroup
from buendnis.lib.choices import choice_label
from events.models import Event
from partners.models import Partner


@pytest.mark.parametrize(
    ("model", "field"),
    [(Partner, "kind"), (Project, "status"), (WorkingGroup, "status"), (Event, "kind")],
)
def test_every_choice_reads_as_djangos_own_label(model, field):
    django_field = model._meta.get_field(field)
    for value, label in django_field.choices:
        instance = model(**{field: value})
        ours = getattr(instance, f"get_{field}_display")()
        assert ours == Model._get_FIELD_display(instance, django_field) == str(label)
    unknown = model(**{field: "gibt-es-nicht"})
    assert getattr(unknown, f"get_{field}_display")() == "gibt-es-nicht"


def test_labels_are_translated_strings():
    assert choice_label(Project.Status, "running") == "laufend"
    assert type(choice_label(Project.Status, "running")) is str
