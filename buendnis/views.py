import sys

from django.conf import settings
from django.db import connection
from django.db.utils import DatabaseError, InterfaceError, OperationalError
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, TemplateView
from django.views.static import serve

from buendnis import sections, structured_data
from buendnis.lib.images import PRIVATE_FOLDERS, alliance_folder
from buendnis.models import Alliance, Milestone, Page
from buendnis.tenancy import ScopeError


def _alliance_name(attribute):
    try:
        name = Alliance.current().display_name
    except (DatabaseError, ScopeError):
        name = "Bündnisportal"
    return f"Verwaltung – {name}" if attribute == "site_header" else name


def AdminSiteTitle(attribute):  # noqa: N802 - reads like the constant it replaces
    """The admin's header names the alliance; read lazily, so edits show at once."""
    return lazy(_alliance_name, str)(attribute)


def home(request):
    # Next dates, newest partners, fields of action: contributed by the apps above.
    context = {
        "sections": sections.home.collect(request),
        "structured_data": [structured_data.organization(Alliance.current(), request)],
    }
    return render(request, "buendnis/home.html", context)


class AboutView(TemplateView):
    template_name = "buendnis/about.html"

    def get_context_data(self, **kwargs):
        alliance = Alliance.current()
        data = structured_data.organization(alliance, self.request, members=structured_data.members())
        return {
            **super().get_context_data(**kwargs),
            "milestones": Milestone.objects.chronological(),
            "about_page": Page.objects.public().filter(slug=Page.Slug.ABOUT).first(),
            "structured_data": [
                data, structured_data.breadcrumbs(self.request, (_("Das Bündnis"), self.request.path))
            ],
        }


class PageView(DetailView):
    """A content page at the top level: /impressum/, /datenschutz/, …; the legal pages
    are built from their facts (`buendnis.models.legal`)."""

    template_name = "buendnis/page.html"
    context_object_name = "page"

    def get_queryset(self):
        return Page.objects.public().select_related("alliance")


@never_cache
@require_GET
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": False}, status=503)
    return JsonResponse({"status": "ok", "database": True})


def media(request, path):
    """Uploaded logos and pictures from MEDIA_ROOT (read per request, not at import).

    An alliance's host serves only the alliance's own folder (`alliances/<id>/`). The
    path is checked as the file system would read it: a name with `..`, `.`, an empty
    or absolute part or a backslash is no upload's name (`alliances/2/../1/…` would
    be another alliance's). Stored PDFs (`pdf-cache/`) lie outside every alliance's
    folder: only their views, which check access, serve them. A name the file system
    cannot even look up (too long, a NUL byte) names no file of ours: not found.
    """
    parts = path.split("/")
    if "\\" in path or any(part in {"", ".", ".."} for part in parts):
        raise Http404
    if parts[:2] != alliance_folder(Alliance.current()).split("/"):
        raise Http404
    if len(parts) > 2 and parts[2] in PRIVATE_FOLDERS:  # receipts: only through their view
        raise Http404
    try:
        return serve(request, path, document_root=settings.MEDIA_ROOT)
    except (OSError, ValueError):
        raise Http404 from None


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    # No database access here: the error may be the database itself.
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        # The database failed outside a view (loading the session, saving it):
        # the same German 503 page as DatabaseUnavailableMiddleware gives for views.
        from buendnis.middleware import DatabaseUnavailableMiddleware

        return DatabaseUnavailableMiddleware(None).process_exception(request, error)
    return render(request, "500.html", {"alliance": None}, status=500)
