from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.apps import DefaultConfig as TotpDefaultConfig
from django_tasks_db.apps import TasksAppConfig


class BuendnisConfig(AppConfig):
    # The app's own configuration; the two below rename third-party apps in settings.
    default = True
    name = "buendnis"
    verbose_name = _("Bündnis")

    def ready(self):
        # Connects the receiver that stamps the login time into the admin session.
        from buendnis import security  # noqa: F401


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
