from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path

from buendnis import accounts, views

admin.site.site_header = views.AdminSiteTitle("site_header")
admin.site.site_title = views.AdminSiteTitle("site_title")
admin.site.index_title = "Verwaltung"

urlpatterns = [
    # robots.txt, the sitemap and the API: one address for every language.
    path("", include("opendata.urls_fixed")),
    # Every page a family or partner reads, in each language: German without a prefix
    # (as always), the others under /en/, /tr/, /ar/, /uk/ (buendnis.languages).
    *i18n_patterns(
        path("", include("buendnis.urls_public")),
        # Feeds, downloads and boxes to embed: fixed addresses, before the apps'.
        path("", include("opendata.urls")),
        path("", include("partners.urls")),
        path("", include("arbeitsgruppen.urls")),
        path("", include("events.urls")),
        # /transparenz/ and the steering group's finances (/verwaltung/finanzen/, German only:
        # buendnis.languages answers 404 for it under a prefix).
        path("", include("finances.urls")),
        prefix_default_language=False,
    ),
    # The coordinator's dashboard and exports, before the admin's own URLs.
    path("verwaltung/", include("cockpit.urls")),
    path("verwaltung/zwei-faktor/", include("buendnis.twofactor")),
    # The invitation of a new admin account: set the password, then log in.
    path(
        "verwaltung/zugang/<uidb64>/<token>/", accounts.SetPasswordView.as_view(), name="account_invitation"
    ),
    path("verwaltung/zugang/fertig/", accounts.PasswordSetView.as_view(), name="account_ready"),
    path("verwaltung/", admin.site.urls),
]

# Uploaded logos and pictures. A proxy in front may serve /media/ itself instead.
# Only an alliance's own folder; stored PDFs (pdf-cache/) are served only through their
# views, which check access (buendnis.views.media).
urlpatterns += [
    re_path(r"^media/(?P<path>.+)$", views.media, name="media"),
]

handler404 = "buendnis.views.page_not_found"
handler500 = "buendnis.views.server_error"
