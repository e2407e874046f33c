from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Termine und Protokolle")

    def ready(self):
        from events import home  # noqa: F401 - registers the home-page section
