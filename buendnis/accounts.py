"""Setting the password of a new admin account from its invitation link.

The link (`cockpit.alliances.invitation_link`) works on the account's own alliance's
domain only; then the person logs in and sets up the second factor.
"""

from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy

from buendnis.admin_sites import belongs_to_alliance, current_admin_site


class SetPasswordView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/set_password.html"
    success_url = reverse_lazy("account_ready")
    reset_url_token = "passwort-festlegen"

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        if user is None or not user.is_active or not belongs_to_alliance(user):
            return None
        return user

    def get_context_data(self, **kwargs):
        return {**current_admin_site().each_context(self.request), **super().get_context_data(**kwargs)}


class PasswordSetView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_set.html"

    def get_context_data(self, **kwargs):
        return {**current_admin_site().each_context(self.request), **super().get_context_data(**kwargs)}
