"""Change history (django-simple-history): one record per change, the whole change in it.

Saved in the admin, an object with many-to-many fields would get one history record
for the form and one more for every `clear` and `add` of its related objects, and the
first record would show the related objects as they were before. `HistoryAdmin` writes
one record instead, after the many-to-many fields and inlines are saved: "who, when,
what" reads as the coordinator made it.
"""

import contextvars
import datetime
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import formats, timezone, translation
from django.utils.html import conditional_escape, strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from modeltranslation.fields import TranslationField
from simple_history import utils as simple_history_utils
from simple_history.admin import SimpleHistoryAdmin
from simple_history.manager import HistoryDescriptor
from simple_history.models import HistoricalRecords
from simple_history.signals import (
    post_create_historical_m2m_records,
    pre_create_historical_m2m_records,
)
from simple_history.template_utils import HistoricalRecordContextHelper

from buendnis.lib.translation_state import TranslationStateField
from buendnis.tenancy import current_alliance_id

_quiet = contextvars.ContextVar("history_quiet", default=False)


@contextmanager
def no_history():
    """Inside, nothing writes history records: for deleting a whole alliance, whose
    history goes with it."""
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)


class HistoryManagerMadeOnce(HistoryDescriptor):
    """`obj.history`: django-simple-history 3.13 makes the manager's class anew on every
    access (`from_queryset` builds a new type), and every change record asks for it;
    here it is made once per model."""

    def __get__(self, instance, owner):
        made = self.__dict__.get("_made")
        if made is None:
            made = self._made = self.manager_class.from_queryset(self.queryset_class)
        return made(self.model, instance)


class History(HistoricalRecords):
    """`HistoricalRecords` that the model remembers, so that one record can be written
    at a moment of the caller's choice (`record`), and that `no_history()` silences."""

    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        if sender is self.cls:
            sender._history_records = self
            made = sender.__dict__.get(self.manager_name)
            if type(made) is HistoryDescriptor:
                setattr(sender, self.manager_name, HistoryManagerMadeOnce(
                    made.model, manager=made.manager_class, queryset=made.queryset_class,
                ))

    def fields_included(self, model):
        """The history records the German text (the source, in the original column);
        the columns per language (buendnis/translation.py) and their state are not
        recorded."""
        return [
            field
            for field in super().fields_included(model)
            if not isinstance(field, TranslationField | TranslationStateField)
        ]

    def create_historical_record(self, *args, **kwargs):
        # A translated field reads the active language: the record keeps the German.
        with translation.override(settings.LANGUAGE_CODE):
            super().create_historical_record(*args, **kwargs)

    def create_historical_record_m2ms(self, history_instance, instance):
        """The rows of each many-to-many field, as django-simple-history 3.13 writes them,
        read as plain ids. The library rebuilds the recorded object only to find the
        table, then reads the rows with every column of both sides joined in (a column
        per language each); that was most of the time of saving a partner or a group."""
        for field in history_instance._history_m2m_fields:
            m2m_history_model = self.m2m_models[field]
            through_model = field.remote_field.through
            columns = [column.attname for column in through_model._meta.fields]
            rows = through_model._default_manager.filter(
                **{simple_history_utils.get_m2m_field_name(field): instance}
            ).values(*columns)
            insert_rows = [m2m_history_model(history=history_instance, **row) for row in rows]
            pre_create_historical_m2m_records.send(
                sender=m2m_history_model, rows=insert_rows, history_instance=history_instance,
                instance=instance, field=field,
            )
            created_rows = m2m_history_model.objects.bulk_create(insert_rows)
            post_create_historical_m2m_records.send(
                sender=m2m_history_model, created_rows=created_rows,
                history_instance=history_instance, instance=instance, field=field,
            )

    def post_save(self, *args, **kwargs):
        if not _quiet.get():
            super().post_save(*args, **kwargs)

    def pre_delete(self, *args, **kwargs):
        if not _quiet.get():
            super().pre_delete(*args, **kwargs)

    def post_delete(self, *args, **kwargs):
        if not _quiet.get():
            super().post_delete(*args, **kwargs)

    def m2m_changed(self, *args, **kwargs):
        if not _quiet.get():
            super().m2m_changed(*args, **kwargs)


def record(instance, history_type="~"):
    """Write one history record of `instance` as it is now ("+" created, "~" changed)."""
    type(instance)._history_records.create_historical_record(instance, history_type)


def readable(value, field=None):
    """A value of the change history as the coordinator reads it: "leer" instead of None,
    "ja"/"nein", dates as "7. Dezember 2026", the label of a choice, text without HTML."""
    if value is None or value == "":
        return _("leer")
    if isinstance(value, bool):
        return _("ja") if value else _("nein")
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "j. F Y, H:i") + " Uhr"
    if isinstance(value, datetime.date):
        return formats.date_format(value, "j. F Y")
    if isinstance(value, list):
        return ", ".join(readable(item) for item in value) or _("keine")
    if field is not None and getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))
    return Truncator(strip_tags(str(value))).chars(200)


class ReadableChanges(HistoricalRecordContextHelper):
    """Each change of a history record in her words (see `readable`), not in Python's
    ("None", "2017-11-08", "[78 chars]")."""

    def stringify_delta_change_values(self, change, old, new):
        field = self.model._meta.get_field(change.field)
        return conditional_escape(readable(old, field)), conditional_escape(readable(new, field))


class HistoryAdmin(SimpleHistoryAdmin):
    """The admin's "Verlauf", with one record per save that includes the related objects.

    The history of an object is shown only where the object is (the admin's own, scoped
    queryset) or, once deleted, only to its own alliance: the history tables keep every
    alliance's records, and an id typed into the URL must not reach another's.
    """

    def _history_is_ours(self, request, object_id):
        try:
            if self.get_queryset(request).filter(pk=object_id).exists():
                return True
            history = getattr(self.model, self.model._meta.simple_history_manager_attribute)
            if "alliance" not in {field.name for field in history.model._meta.fields}:
                return False
            records = history.filter(**{self.model._meta.pk.attname: object_id})
            return records.filter(alliance_id=current_alliance_id()).exists()
        except (ValueError, ValidationError):
            return False

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableChanges(self.model, historical_record)

    def history_view_title(self, request, obj):
        return _("Änderungsverlauf: %s") % obj

    def history_form_view_title(self, request, obj):
        return _("Stand von früher: %s") % obj

    def history_view(self, request, object_id, extra_context=None):
        if not self._history_is_ours(request, object_id):
            raise Http404
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if not self._history_is_ours(request, object_id):
            raise Http404
        return super().history_form_view(request, object_id, version_id, extra_context)

    def save_model(self, request, obj, form, change):
        obj.skip_history_when_saving = True  # written in save_related, when all is saved
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        try:
            super().save_related(request, form, formsets, change)
        finally:
            del form.instance.skip_history_when_saving
        record(form.instance, "~" if change else "+")
