from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArbeitsgruppenConfig(AppConfig):
    name = "arbeitsgruppen"
    verbose_name = _("Arbeitsgruppen und Projekte")

    def ready(self):
        # Registers the home page's and partner pages' sections, and which partners'
        # contact data a group's lead may see.
        from arbeitsgruppen import partner_data, roles, sections  # noqa: F401
