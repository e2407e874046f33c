from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArbeitsgruppenConfig(AppConfig):
    name = "arbeitsgruppen"
    verbose_name = _("Arbeitsgruppen und Projekte")

    def ready(self):
        # Registers the home page's and partner pages' sections, and which partners'
        # contact data a group's lead may see, and the pages the frame links.
        from arbeitsgruppen import partner_data, roles, sections, site_pages  # noqa: F401
