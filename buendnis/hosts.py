"""Which alliance a host name belongs to.

Each worker keeps a map of every alliance's domains and reloads it every
`TENANCY_REFRESH_SECONDS` (and at once after a change in the same process): a new
alliance or domain is served within seconds and without a restart, while a request
pays one dictionary lookup. A profile saved in this process is served at once. With a
single alliance, every allowed host serves it.
"""

import time
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from buendnis.models import Alliance, Domain


@dataclass
class HostMap:
    loaded_at: float = float("-inf")
    alliances: dict = field(default_factory=dict)  # host -> Alliance
    aliases: dict = field(default_factory=dict)  # host -> main domain
    single: Alliance | None = None


_map = HostMap()


def _load():
    alliances = list(Alliance.objects.prefetch_related("domains"))
    fresh = HostMap(loaded_at=time.monotonic())
    for alliance in alliances:
        primary = alliance.primary_domain
        for domain in alliance.domains.all():
            fresh.alliances[domain.name] = alliance
            if primary and not domain.is_primary:
                fresh.aliases[domain.name] = primary
    fresh.single = alliances[0] if len(alliances) == 1 else None
    return fresh


def resolve(host):
    """(alliance, main domain to redirect to) for a host name without port: the
    alliance is None for a host that belongs to none."""
    global _map
    if time.monotonic() - _map.loaded_at >= settings.TENANCY_REFRESH_SECONDS:
        _map = _load()
    if host in _map.aliases:
        return _map.alliances[host], _map.aliases[host]
    if host in _map.alliances:
        return _map.alliances[host], None
    return _map.single, None


def forget():
    """Reload the map with the next request (after a change to alliances or domains)."""
    _map.loaded_at = float("-inf")


def _replace(alliance):
    """Serve an edited profile at once, without reloading the map: the saved object
    takes the place of the old one (keeping its domains, which did not change)."""
    for host, known in list(_map.alliances.items()):
        if known.pk == alliance.pk:
            alliance._prefetched_objects_cache = getattr(known, "_prefetched_objects_cache", {})
            _map.alliances[host] = alliance
    if _map.single is not None and _map.single.pk == alliance.pk:
        alliance._prefetched_objects_cache = getattr(_map.single, "_prefetched_objects_cache", {})
        _map.single = alliance


@receiver(post_save, sender=Alliance)
def _alliance_saved(instance, created, **kwargs):
    if created:
        forget()
    else:
        _replace(instance)


@receiver(post_delete, sender=Alliance)
@receiver(post_save, sender=Domain)
@receiver(post_delete, sender=Domain)
def _alliances_changed(**kwargs):
    forget()
