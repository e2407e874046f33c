from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArbeitsgruppenConfig(AppConfig):
    name = "arbeitsgruppen"
    verbose_name = _("Handlungsfelder, Arbeitsgruppen und Projekte")
