"""A small URLconf for the page-cache tests: one view of each kind the cache must tell apart."""

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path
from django.views.decorators.cache import never_cache

from buendnis.models import Alliance
from portal import urls as portal_urls


def plain(request):
    return HttpResponse(f"<p>{Alliance.current().name}</p>" + "x" * 500)


def with_form(request):
    return HttpResponse(f"<form><input name=csrfmiddlewaretoken value={get_token(request)}></form>")


@never_cache
def private(request):
    return HttpResponse(f"<p>{Alliance.current().name}</p>")


def personal(request, token):
    return HttpResponse(f"<p>Einladung für {token}</p>")


urlpatterns = [
    path("plain/", plain),
    path("einladung/<str:token>/", personal),
    path("form/", with_form),
    path("private/", private),
    # The portal's own, not included: its i18n_patterns must stay at the top level.
    *portal_urls.urlpatterns,
]

handler404 = portal_urls.handler404
handler500 = portal_urls.handler500
