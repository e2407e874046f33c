"""Setting the password of a new admin account from its invitation link.

The link (`cockpit.alliances.invitation_link`) works on the account's own alliance's
domain only; then the person logs in and sets up the second factor.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy

from buendnis import roles
from buendnis.admin_sites import belongs_to_alliance, current_admin_site
from buendnis.security import requires_second_factor
from buendnis.tenancy import current_alliance

# Whose password was just set: the next page says what comes next for this person.
PASSWORD_SET_FOR = "accounts:password_set_for"


class SetPasswordView(auth_views.PasswordResetConfirmView):
    template_name = "admin/accounts/set_password.html"
    success_url = reverse_lazy("account_ready")
    reset_url_token = "passwort-festlegen"

    def get_user(self, uidb64):
        user = super().get_user(uidb64)
        if user is None or not user.is_active or not belongs_to_alliance(user):
            return None
        return user

    def form_valid(self, form):
        self.request.session[PASSWORD_SET_FOR] = self.user.pk
        return super().form_valid(form)

    def get_context_data(self, **kwargs):
        return {**current_admin_site().each_context(self.request), **super().get_context_data(**kwargs)}


class PasswordSetView(auth_views.PasswordResetCompleteView):
    template_name = "admin/accounts/password_set.html"

    def get_context_data(self, **kwargs):
        person_id = self.request.session.get(PASSWORD_SET_FOR)
        person = get_user_model().objects.filter(pk=person_id, is_active=True).first()
        if person is not None and not belongs_to_alliance(person):
            person = None
        return {
            **current_admin_site().each_context(self.request),
            **super().get_context_data(**kwargs),
            "title": "Ihr Passwort ist gespeichert",
            "alliance_name": current_alliance().display_name,
            "person": person,
            "role": roles.role_name(person) if person else "",
            "second_factor": person is None or requires_second_factor(person),
        }
