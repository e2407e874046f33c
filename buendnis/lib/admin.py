"""Small pieces shared by the apps' admin modules."""


class ReadOnlyAdminMixin:
    """For records the portal writes itself: the admin shows them, nobody edits them."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
