"""What the public sees of an event, as the one condition the events' and the minutes'
querysets share (`Event.objects.public()`, `Minutes.objects.public()`)."""

from django.db.models import Q


def public_event(prefix=""):
    """Published and not invitation-only: a condition on an event, or with `prefix`
    ("event__") on a row linked to one."""
    return Q(**{f"{prefix}is_public": True, f"{prefix}published": True})
