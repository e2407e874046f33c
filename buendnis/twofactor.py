"""Two-factor authentication for the admin: enrol an authenticator app, enter a code.

The setup page shows a QR code (SVG rendered on the server by django-otp with
segno, embedded as a data: image, so no script and no third party is involved)
and the key for manual entry. The device counts only once a code from it was
accepted; then ten backup codes are made and shown once, to be printed
(`buendnis.backup_codes`). At login a backup code works instead of the app's code.
`buendnis.security.AdminSecurityMiddleware` sends users here.
"""

import base64
import io
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image

from buendnis import backup_codes
from buendnis.admin_sites import current_admin_site

app_name = "twofactor"
# The session key of the backup codes made a moment ago: shown once, then gone.
NEW_CODES = "twofactor:new_codes"


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Sechsstelliger Code aus der Authenticator-App",
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_token(self):
        token = "".join(self.cleaned_data["token"].split())
        if not token.isdigit():
            raise forms.ValidationError("Der Code besteht nur aus Ziffern.")
        return token


class BackupCodeForm(forms.Form):
    code = forms.CharField(
        label="Ersatzcode (acht Zeichen, vom Ausdruck)",
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("admin:index")


def qr_code_data_uri(device):
    out = io.BytesIO()
    write_qrcode_image(device.config_url, out)
    return "data:image/svg+xml;base64," + base64.b64encode(out.getvalue()).decode()


@never_cache
@staff_member_required
def setup(request):
    # Without the app but with backup codes, only a session confirmed by one of them
    # sets up a new phone (`new_app`).
    user = request.user
    if backup_codes.has_app(user) or (backup_codes.has_second_factor(user) and not user.is_verified()):
        return redirect(f"{reverse('twofactor:verify')}?{urlencode({'next': _next_url(request)})}")
    device = backup_codes.app_to_set_up(user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if backup_codes.confirm_app(device, form.cleaned_data["token"]):
            otp_login(request, device)
            request.session[NEW_CODES] = backup_codes.new_backup_codes(request.user)
            return redirect(f"{reverse('twofactor:backup_codes')}?{urlencode({'next': _next_url(request)})}")
        form.add_error("token", "Der Code stimmt nicht. Bitte prüfen Sie die Uhrzeit des Geräts.")
    context = {
        **current_admin_site().each_context(request),
        "form": form,
        "qr_code": qr_code_data_uri(device),
        "secret": base64.b32encode(device.bin_key).decode().rstrip("="),
        "next": _next_url(request),
        "title": "Zwei-Faktor-Anmeldung einrichten",
    }
    return render(request, "admin/security/twofactor_setup.html", context)


def _verify_page(request, form, backup_form):
    context = {
        **current_admin_site().each_context(request),
        "form": form,
        "backup_form": backup_form,
        "next": _next_url(request),
        "title": "Anmeldung bestätigen",
    }
    return render(request, "admin/security/twofactor_verify.html", context)


@never_cache
@staff_member_required
def verify(request):
    devices = list(TOTPDevice.objects.filter(user=request.user, confirmed=True))
    if not backup_codes.has_second_factor(request.user):
        return redirect(f"{reverse('twofactor:setup')}?{urlencode({'next': _next_url(request)})}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in devices:
            verified = verify_token(request.user, device.persistent_id, form.cleaned_data["token"])
            if verified:
                otp_login(request, verified)
                return redirect(_next_url(request))
        form.add_error(
            "token",
            "Der Code stimmt nicht oder ist abgelaufen. Nach mehreren Fehlversuchen "
            "müssen Sie kurz warten.",
        )
    return _verify_page(request, form, BackupCodeForm(auto_id="backup_%s"))


@never_cache
@staff_member_required
@require_POST
def verify_backup(request):
    """A printed backup code instead of the app's code; each works once."""
    form = BackupCodeForm(request.POST, auto_id="backup_%s")
    if form.is_valid():
        device = backup_codes.use_backup_code(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            left = backup_codes.remaining_backup_codes(request.user)
            messages.warning(
                request,
                f"Sie haben sich mit einem Ersatzcode angemeldet; er gilt jetzt nicht mehr. "
                f"Es bleiben {left} Ersatzcodes. Unter „Ersatzcodes“ richten Sie ein neues "
                f"Telefon ein oder erzeugen neue Codes.",
            )
            return redirect(_next_url(request))
        form.add_error(
            "code",
            "Dieser Ersatzcode gilt nicht: Er ist falsch oder wurde schon benutzt. Nach "
            "mehreren Fehlversuchen müssen Sie kurz warten.",
        )
    return _verify_page(request, TokenForm(), form)


def _refuse_unverified(request):
    """The backup codes are only for a session that passed the second factor."""
    if request.user.is_verified():
        return None
    return redirect(f"{reverse('twofactor:setup')}?{urlencode({'next': request.get_full_path()})}")


@never_cache
@staff_member_required
def codes(request):
    """The new codes, once (they leave the session now); otherwise how many are left."""
    refused = _refuse_unverified(request)
    if refused:
        return refused
    context = {
        **current_admin_site().each_context(request),
        "codes": request.session.pop(NEW_CODES, None),
        "remaining": backup_codes.remaining_backup_codes(request.user),
        "next": _next_url(request),
        "title": "Ersatzcodes für die Zwei-Faktor-Anmeldung",
    }
    return render(request, "admin/security/backup_codes.html", context)


@never_cache
@staff_member_required
@require_POST
def renew_codes(request):
    refused = _refuse_unverified(request)
    if refused:
        return refused
    request.session[NEW_CODES] = backup_codes.renew_backup_codes(request.user)
    return redirect(f"{reverse('twofactor:backup_codes')}?{urlencode({'next': _next_url(request)})}")


@never_cache
@staff_member_required
@require_POST
def new_app(request):
    """A new phone: forget the app; the setup page shows a new QR code (the session
    stays confirmed by the code it was opened with)."""
    refused = _refuse_unverified(request)
    if refused:
        return refused
    TOTPDevice.objects.filter(user=request.user).delete()
    return redirect(f"{reverse('twofactor:setup')}?{urlencode({'next': reverse('admin:index')})}")


urlpatterns = [
    path("einrichten/", setup, name="setup"),
    path("pruefen/", verify, name="verify"),
    path("pruefen/ersatzcode/", verify_backup, name="verify_backup"),
    path("ersatzcodes/", codes, name="backup_codes"),
    path("ersatzcodes/neu/", renew_codes, name="renew_backup_codes"),
    path("neues-telefon/", new_app, name="new_app"),
]
