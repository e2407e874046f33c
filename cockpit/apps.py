from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CockpitConfig(AppConfig):
    name = "cockpit"
    verbose_name = _("Rundmails")

    def ready(self):
        # The mailings' part of a partner's data export and of its erasure, and their
        # line in the finances' yearly account.
        from buendnis import admin_menu, roles
        from cockpit import annual_report, partner_data  # noqa: F401

        admin_menu.add_page("dokumente", _("Dokumente"), "cockpit:documents", roles.sees_everything)
        admin_menu.add_page("team", _("Team"), "cockpit:team", roles.edits_everything)
        admin_menu.add_page(
            "website", _("Übersetzungen"), "cockpit:translations", roles.sees_everything, position=1
        )
        admin_menu.add_page(
            "website", _("Offene Daten"), "cockpit:open_data", roles.sees_everything, position=1
        )
