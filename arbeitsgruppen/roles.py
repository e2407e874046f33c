"""What AG-Leitung sees and changes in the admin: the groups it leads and what belongs to them.

The role names and the checks on a user are in `buendnis/roles.py`; this module adds
what needs the working groups: which groups a user leads, the admin mixin that narrows
lists, forms and URLs to them, and the partners whose contact data such a user sees.
"""

from django.core.exceptions import PermissionDenied

from buendnis import roles
from buendnis.roles import changes_only_led_groups, sees_only_led_groups
from partners.models import Partner


def led_group_ids(user):
    if not hasattr(user, "_led_group_ids"):
        user._led_group_ids = set(user.led_working_groups.values_list("pk", flat=True))
    return user._led_group_ids


@roles.contact_partners.register()
def members_of_led_groups(user):
    return set(
        Partner.objects.filter(working_groups__in=led_group_ids(user)).values_list("pk", flat=True)
    )


class WorkingGroupScopedAdmin:
    """ModelAdmin mixin: AG-Leitung sees and edits only objects of the groups it leads.

    `group_path` leads from the model to its working group ("pk" for the group itself,
    "working_group", "event__working_group"). Objects of other groups: 403 on a direct
    URL, missing from lists and from choices in forms.
    """

    group_path = "working_group"
    # Foreign keys whose choices are narrowed to the user's own objects: field -> path.
    scoped_choices = {"working_group": "pk", "event": "working_group"}

    def _in_scope(self, queryset, user):
        return queryset.filter(**{f"{self.group_path}__in": led_group_ids(user)})

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if sees_only_led_groups(request.user):
            return self._in_scope(queryset, request.user)
        return queryset

    def in_scope(self, request, obj):
        if obj is None or not changes_only_led_groups(request.user):
            return True
        return self._in_scope(self.model._default_manager.filter(pk=obj.pk), request.user).exists()

    def has_view_permission(self, request, obj=None):
        if obj is None or not sees_only_led_groups(request.user):
            return super().has_view_permission(request, obj)
        return super().has_view_permission(request, obj) and self.in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.in_scope(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self.in_scope(request, obj)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None and sees_only_led_groups(request.user):
            # It exists, but belongs to another group: refuse instead of "not found".
            field = self.model._meta.pk if from_field is None else self.model._meta.get_field(from_field)
            try:
                exists = self.model._default_manager.filter(**{field.name: object_id}).exists()
            except (ValueError, TypeError):
                exists = False
            if exists:
                raise PermissionDenied
        return obj

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        path = self.scoped_choices.get(db_field.name)
        if path is not None and changes_only_led_groups(request.user):
            related = db_field.remote_field.model._default_manager
            kwargs["queryset"] = related.filter(**{f"{path}__in": led_group_ids(request.user)})
            formfield = super().formfield_for_foreignkey(db_field, request, **kwargs)
            # AG-Leitung cannot create alliance-wide objects.
            formfield.required = True
            return formfield
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
