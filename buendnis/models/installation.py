"""Rows the portal keeps for itself: rate-limit counters and the content versions that
invalidate the caches."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from buendnis.models.alliance import Alliance
from buendnis.tenancy import AllianceOwned, scoped_manager


class RateLimitCounter(models.Model):
    """Counts hits per key and time window, shared by every worker process.

    The key begins with the alliance (`buendnis.ratelimit.hit`): an alliance's counters
    are its own, and those of the installation's own domain (the Servicestelle's login)
    belong to none.
    """

    alliance = models.ForeignKey(
        Alliance, verbose_name=_("Bündnis"), on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    key = models.CharField(max_length=200)
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("Zähler der Ratenbegrenzung")
        verbose_name_plural = _("Zähler der Ratenbegrenzung")
        constraints = [
            models.UniqueConstraint(fields=["key", "window_start"], name="ratelimit_unique_window")
        ]

    def __str__(self):
        return f"{self.key} @ {self.window_start}: {self.count}"


class ContentVersion(AllianceOwned):
    """One row per alliance whose number changes whenever its public content may have
    changed.

    The page cache (`buendnis/pagecache.py`) puts the number into every cache
    key, so bumping it retires every cached page of the alliance in every worker
    process and on every app server that shares the database.
    """

    version = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(auto_now=True)

    objects = scoped_manager()

    class Meta:
        verbose_name = _("Inhaltsstand")
        verbose_name_plural = _("Inhaltsstand")
        default_permissions = ()  # internal: nobody edits it, no role needs rights on it
        constraints = [models.UniqueConstraint(fields=["alliance"], name="one_content_version")]

    def __str__(self):
        return str(self.version)
