from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partner und Bündniserklärung")

    def ready(self):
        from partners import home  # noqa: F401 - registers the home page section
