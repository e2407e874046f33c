"""Small pieces shared by the apps' admin modules."""

from django import forms


class ReadOnlyAdminMixin:
    """For records the portal writes itself: the admin shows them, nobody edits them."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class TouchPickersMixin:
    """Pickers that work by touch: every many-to-many field that is no autocomplete
    (search) field is a list of checkboxes, never the two-list picker with Ctrl-click
    (`filter_horizontal`) or a multiple select."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        searched = {*self.get_autocomplete_fields(request), *self.raw_id_fields}
        if db_field.name not in searched and "widget" not in kwargs:
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)
