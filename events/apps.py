from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Termine und Protokolle")

    def ready(self):
        # The home page's section, the partner's data export and the pages the frame links.
        from events import home, partner_data, site_pages  # noqa: F401
