"""The admin of an alliance, on the alliance's own domain (/verwaltung/).

Admin accounts belong to alliances (`buendnis.Account`): a coordinator, steering-group
member or group lead of one alliance logs in on that alliance's domain only, and
everything the admin shows is filtered to the alliance's scope (`buendnis.tenancy`).
An id of another alliance's object typed into an admin URL finds nothing: 404.
Superusers (the Servicestelle, or the one operator of a single-alliance installation)
may open every alliance's admin.
"""

from django.contrib import admin
from django.contrib.auth.backends import ModelBackend
from django.http import Http404, HttpResponseRedirect
from django.urls import path, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme

from buendnis import admin_menu
from buendnis.models import Account
from buendnis.tenancy import current_alliance_id


def belongs_to_alliance(user):
    """Whether `user` may work in the active alliance's admin."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    if current_alliance_id() is None:
        return False
    cached = getattr(user, "_alliance_checked", None)
    if cached is None or cached[0] != current_alliance_id():
        cached = (current_alliance_id(), Account.objects.filter(user=user).exists())
        user._alliance_checked = cached
    return cached[1]


class MissingIsNotFound:
    """An id the alliance's admin does not have answers 404, like any unknown page:
    Django's default (a redirect with "… does not exist") would confirm nothing, but
    says more than needed."""

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        raise Http404


class OwnObjectsOnSite:
    """"Auf der Website anzeigen" (`admin:view_on_site`, /verwaltung/r/<type>/<id>/) for
    the objects this site's admin shows, and no others.

    Django's own shortcut view reads any row of any model without a scope and
    redirects to its page, also on another alliance's domain. Here the object comes
    from its ModelAdmin's queryset (the alliance's scope, the user's rights): a model
    this site does not register, an id it does not have or an object without a
    public page answers 404; the redirect stays on this host.
    """

    def get_urls(self):
        urls = super().get_urls()
        for index, pattern in enumerate(urls):
            if getattr(pattern, "name", None) == "view_on_site":
                urls[index] = path(
                    "r/<path:content_type_id>/<path:object_id>/",
                    self.admin_view(self.view_on_site),
                    name="view_on_site",
                )
        return urls

    def view_on_site(self, request, content_type_id, object_id):
        from django.contrib.contenttypes.models import ContentType

        try:
            model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
        except (ContentType.DoesNotExist, ValueError):
            raise Http404 from None
        model_admin = self._registry.get(model)
        if model_admin is None or not model_admin.has_view_or_change_permission(request):
            raise Http404
        obj = model_admin.get_object(request, object_id)
        if obj is None or not model_admin.has_view_or_change_permission(request, obj):
            raise Http404
        if callable(model_admin.view_on_site):
            target = model_admin.view_on_site(obj)
        elif model_admin.view_on_site and hasattr(obj, "get_absolute_url"):
            target = obj.get_absolute_url()
        else:
            target = None
        # A path on this host only: never a redirect to another domain.
        if not target or not url_has_allowed_host_and_scheme(target, allowed_hosts=None):
            raise Http404
        return HttpResponseRedirect(target)


class AllianceAdminSite(OwnObjectsOnSite, admin.AdminSite):
    def has_permission(self, request):
        return super().has_permission(request) and belongs_to_alliance(request.user)

    def get_app_list(self, request, app_label=None):
        """The index and the side menu in the sections of her work (`buendnis.admin_menu`);
        one app's own page (/verwaltung/<app>/) stays as Django makes it. Made once per
        request: the dashboard and its side menu both show it."""
        made = request.__dict__.setdefault("_admin_app_lists", {})
        if app_label not in made:
            app_list = super().get_app_list(request, app_label)
            made[app_label] = app_list if app_label else admin_menu.by_work(app_list, request)
        return made[app_label]

    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, MissingIsNotFound):
            admin_class = type(
                admin_class.__name__,
                (MissingIsNotFound, admin_class),
                {"__module__": admin_class.__module__},
            )
        super().register(model_or_iterable, admin_class, **options)


class AllianceBackend(ModelBackend):
    """Password login only for accounts of the alliance whose domain it is (and for
    superusers): a coordinator of Nordheim cannot log in at Musterhausen's address."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None or belongs_to_alliance(user):
            return user
        return None


def current_admin_site():
    """The admin site of the current URLs: an alliance's, or on the installation's own
    domain the Servicestelle's (for pages outside the admin that look like it)."""
    # The alliance's /verwaltung/ is the cockpit's dashboard, in the alliance's site.
    return getattr(resolve(reverse("admin:index")).func, "admin_site", admin.site)
