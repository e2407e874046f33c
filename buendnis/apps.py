from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BuendnisConfig(AppConfig):
    name = "buendnis"
    verbose_name = _("Bündnis")

    def ready(self):
        # Connects the receiver that stamps the login time into the admin session.
        from buendnis import security  # noqa: F401
