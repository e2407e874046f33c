"""Two-factor authentication for the admin: enrol an authenticator app, enter a code.

The setup page shows a QR code (SVG rendered on the server by django-otp with
segno, embedded as a data: image, so no script and no third party is involved)
and the key for manual entry. The device counts only once a code from it was
accepted. `buendnis.security.AdminSecurityMiddleware` sends users here.
"""

import base64
import io
from urllib.parse import urlencode

from django import forms
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image

from buendnis.admin_sites import current_admin_site

app_name = "twofactor"


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
    if TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        return redirect(f"{reverse('twofactor:verify')}?{urlencode({'next': _next_url(request)})}")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name="Authenticator-App", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", "Der Code stimmt nicht. Bitte prüfen Sie die Uhrzeit des Geräts.")
    context = {
        **current_admin_site().each_context(request),
        "form": form,
        "qr_code": qr_code_data_uri(device),
        "secret": base64.b32encode(device.bin_key).decode().rstrip("="),
        "next": _next_url(request),
        "title": "Zwei-Faktor-Anmeldung einrichten",
    }
    return render(request, "security/twofactor_setup.html", context)


@never_cache
@staff_member_required
def verify(request):
    devices = list(TOTPDevice.objects.filter(user=request.user, confirmed=True))
    if not devices:
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
    context = {
        **current_admin_site().each_context(request),
        "form": form,
        "next": _next_url(request),
        "title": "Anmeldung bestätigen",
    }
    return render(request, "security/twofactor_verify.html", context)


urlpatterns = [
    path("einrichten/", setup, name="setup"),
    path("pruefen/", verify, name="verify"),
]
