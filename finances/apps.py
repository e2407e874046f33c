from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinancesConfig(AppConfig):
    name = "finances"
    verbose_name = _("Finanzen")

    def ready(self):
        from buendnis import admin_menu
        from finances.views import can_read_ledger

        # The steering group's page first in the menu's section "Finanzen".
        admin_menu.add_page("finanzen", _("Übersicht der Finanzen"), "finances:overview", can_read_ledger)
