"""Change history (django-simple-history): one record per change, the whole change in it.

Saved in the admin, an object with many-to-many fields would get one history record
for the form and one more for every `clear` and `add` of its related objects, and the
first record would show the related objects as they were before. `HistoryAdmin` writes
one record instead, after the many-to-many fields and inlines are saved: "who, when,
what" reads as the coordinator made it.
"""

from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import HistoricalRecords


class History(HistoricalRecords):
    """`HistoricalRecords` that the model remembers, so that one record can be written
    at a moment of the caller's choice (`record`)."""

    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        if sender is self.cls:
            sender._history_records = self


def record(instance, history_type="~"):
    """Write one history record of `instance` as it is now ("+" created, "~" changed)."""
    type(instance)._history_records.create_historical_record(instance, history_type)


class HistoryAdmin(SimpleHistoryAdmin):
    """The admin's "Verlauf", with one record per save that includes the related objects."""

    def save_model(self, request, obj, form, change):
        obj.skip_history_when_saving = True  # written in save_related, when all is saved
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        try:
            super().save_related(request, form, formsets, change)
        finally:
            del form.instance.skip_history_when_saving
        record(form.instance, "~" if change else "+")
