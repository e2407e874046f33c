from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CockpitConfig(AppConfig):
    name = "cockpit"
    verbose_name = _("Cockpit: Rundmails")

    def ready(self):
        # The mailings' part of a partner's data export and of its erasure, and their
        # line in the finances' yearly account.
        from cockpit import annual_report, partner_data  # noqa: F401
