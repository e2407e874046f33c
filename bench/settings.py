"""The portal's settings under `make bench`: portal.settings, with the bench's own URLs
(bench/urls.py), so that nothing of the portal names the bench."""

from portal.settings import *  # noqa: F403
from portal.settings import PAGE_CACHE_NEVER, TENANCY_EXEMPT_PATHS

ROOT_URLCONF = "bench.urls"
# The minimal views measure Django without the page cache; the second one also without
# finding the alliance (what that lookup costs).
PAGE_CACHE_NEVER = (*PAGE_CACHE_NEVER, "/bench/")
TENANCY_EXEMPT_PATHS = {*TENANCY_EXEMPT_PATHS, "/bench/minimal-raw/"}
