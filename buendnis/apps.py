from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.apps import DefaultConfig as StaticDefaultConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as TotpDefaultConfig
from django_tasks_db.apps import TasksAppConfig


class BuendnisConfig(AppConfig):
    # The app's own configuration; the two below rename third-party apps in settings.
    default = True
    name = "buendnis"
    verbose_name = _("Bündnis")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_migrate

        # Connects the receiver that stamps the login time into the admin session.
        from buendnis import security  # noqa: F401
        from buendnis.tenancy import connect_account_guards

        connect_account_guards(apps.get_models())

        post_migrate.connect(_first_alliance, sender=self)


def _first_alliance(using="default", **kwargs):
    """A new installation serves one alliance with nothing to configure, as before
    alliances were tenants: after `migrate` there is one. An installation for many
    alliances (SERVICE_DOMAIN set) starts empty; the Servicestelle creates them."""
    from django.conf import settings

    from buendnis.models import Alliance

    if not settings.SERVICE_DOMAIN and not Alliance.objects.using(using).exists():
        Alliance.objects.using(using).create(name="Lokales Bündnis für Familie", slug="buendnis")


class BuendnisAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the alliance's admin site as `admin.site`."""

    default = False
    default_site = "buendnis.admin_sites.AllianceAdminSite"

    def ready(self):
        from buendnis.lib.widgets import use_german_dates_in_the_admin

        # Before the admins are registered (autodiscover below): they copy the defaults.
        use_german_dates_in_the_admin()
        super().ready()


def _name_model(app_config, model_name, singular, plural):
    # Third-party models keep their English names in their Meta; the admin index
    # shows these instead. Migrations read the Meta, so nothing changes there.
    options = app_config.get_model(model_name)._meta
    options.verbose_name = singular
    options.verbose_name_plural = plural


class TotpConfig(TotpDefaultConfig):
    """django-otp's TOTP devices, named in German in the admin."""

    verbose_name = _("Zwei-Faktor-Anmeldung")

    def ready(self):
        super().ready()
        _name_model(self, "TOTPDevice", _("Authenticator-App"), _("Authenticator-Apps"))


class TasksConfig(TasksAppConfig):
    """django-tasks' database queue (invitations and mailings), named in German."""

    verbose_name = _("Hintergrundaufgaben")

    def ready(self):
        super().ready()
        _name_model(self, "DBTaskResult", _("Hintergrundaufgabe"), _("Hintergrundaufgaben"))


class StaticConfig(StaticDefaultConfig):
    """django-otp's static devices: the printed one-time backup codes (`buendnis.backup_codes`)."""

    verbose_name = _("Ersatzcodes")

    def ready(self):
        super().ready()
        _name_model(self, "StaticDevice", _("Ersatzcode-Liste"), _("Ersatzcode-Listen"))
        _name_model(self, "StaticToken", _("Ersatzcode"), _("Ersatzcodes"))
