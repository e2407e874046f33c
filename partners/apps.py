from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partner und Bündniserklärung")

    def ready(self):
        # Register the home page's section, the alliance's members for its JSON-LD and
        # the pages the frame links.
        from partners import home, site_pages, structured_data  # noqa: F401
