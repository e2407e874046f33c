"""The portal's URLs and the two minimal views the pages are compared against."""

from django.urls import path

from bench.views import minimal
from portal.urls import handler404, handler500  # noqa: F401 - the portal's error pages, as measured
from portal.urls import urlpatterns as portal_urlpatterns

urlpatterns = [
    path("bench/minimal/", minimal),
    path("bench/minimal-raw/", minimal),
    *portal_urlpatterns,
]
