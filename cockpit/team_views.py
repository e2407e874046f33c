"""The Team page (/verwaltung/team/): only Koordination (and the Servicestelle) opens it;
another alliance's account or a superuser is not found (404)."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from buendnis import backup_codes, roles
from buendnis.tenancy import alliance_accounts
from cockpit import team
from cockpit.forms import InviteForm, RoleForm

# The steps on an account's own page: (title, what happens, button, service, when done).
ACTIONS = {
    "zwei-faktor-zuruecksetzen": (
        "Zwei-Faktor-Anmeldung zurücksetzen",
        "Die Authenticator-App und alle Ersatzcodes von {name} gelten danach nicht mehr. Beim "
        "nächsten Anmelden richtet {name} mit Benutzername und Passwort ein neues Telefon ein. "
        "Tun Sie das nur, wenn Sie sicher sind, dass die Bitte von {name} selbst kommt.",
        "Ja, zurücksetzen",
        team.reset_second_factor,
        "Die Zwei-Faktor-Anmeldung von {name} ist zurückgesetzt; {name} bekommt eine E-Mail.",
    ),
    "neuer-link": (
        "Neuen Link zum Passwort senden",
        "{name} bekommt eine E-Mail mit einem Link, über den sie ein neues Passwort festlegt.",
        "Ja, Link senden",
        team.send_new_link,
        "{name} bekommt einen neuen Link zum Passwort.",
    ),
    "entfernen": (
        "Zugang beenden",
        "{name} kann sich danach nicht mehr anmelden. Was {name} eingetragen hat, bleibt "
        "erhalten. {name} bekommt darüber eine E-Mail.",
        "Ja, Zugang beenden",
        team.remove,
        "Der Zugang von {name} ist beendet.",
    ),
}


def _coordination_only(request):
    if not roles.edits_everything(request.user):
        raise PermissionDenied("Das Team verwaltet nur die Koordination.")


def _member(pk):
    return get_object_or_404(get_user_model().objects.filter(alliance_accounts()), pk=pk)


def _page(request, template, title, status=200, **context):
    context = {**admin.site.each_context(request), "title": title, **context}
    return render(request, template, context, status=status)


def team_page(request):
    _coordination_only(request)
    descriptions = [(role, roles.ROLE_DESCRIPTIONS[role]) for role in roles.ROLES]
    return _page(request, "admin/cockpit/team/list.html", "Team", members=team.members(), roles=descriptions)


def invite(request):
    _coordination_only(request)
    form = InviteForm(request.POST or None)
    role_form = RoleForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and role_form.is_valid():
        user = team.invite(**form.cleaned_data, **role_form.cleaned_data, by=request.user)
        messages.success(request, f"{team.display_name(user)} ist eingeladen: Der Link ging an {user.email}.")
        return redirect("cockpit:team")
    return _page(request, "admin/cockpit/team/invite.html", "Person einladen", form=form, role_form=role_form)


def member(request, pk):
    _coordination_only(request)
    user = _member(pk)
    initial = {"role": roles.role_name(user), "working_groups": list(user.led_working_groups.all())}
    form = RoleForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            team.change_role(user, **form.cleaned_data, by=request.user)
        except team.TeamError as error:
            form.add_error(None, str(error))
            status = 400
        else:
            role = form.cleaned_data["role"]
            messages.success(request, f"{team.display_name(user)} hat jetzt die Rolle {role}.")
            return redirect("cockpit:team_member", pk=user.pk)
    context = {"member": user, "form": form, "has_app": backup_codes.has_app(user)}
    return _page(request, "admin/cockpit/team/member.html", team.display_name(user), status, **context)


@require_http_methods(["GET", "POST"])
def member_action(request, pk, action):
    """A confirmation page (GET) and the step itself (POST)."""
    _coordination_only(request)
    if action not in ACTIONS:
        raise Http404
    user = _member(pk)
    title, text, button, service, done = ACTIONS[action]
    name = team.display_name(user)
    context = {"member": user, "text": text.format(name=name), "button": button, "error": None}
    if request.method == "POST":
        try:
            service(user, by=request.user)
        except team.TeamError as error:
            context["error"] = str(error)
            return _page(request, "admin/cockpit/team/confirm.html", title, 400, **context)
        messages.success(request, done.format(name=name))
        return redirect("cockpit:team")
    return _page(request, "admin/cockpit/team/confirm.html", title, **context)
