import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

application = get_wsgi_application()

if settings.WARM_PDF_RENDERER:
    # Each gunicorn worker loads fonts, hyphenation patterns and the print stylesheet
    # before its first request, so the first PDF it renders (an approval, an attendance
    # list) is no slower than the next ones (issue 22; the worker: db_worker).
    from buendnis.lib.pdf import warm_renderer

    warm_renderer()
