"""Background tasks (django-tasks) that work in an alliance's scope."""

import functools

from buendnis.models import Alliance
from buendnis.tenancy import activate


def alliance_task(func):
    """For background tasks: the first argument is the alliance's id; the task runs in
    its scope. Tasks take ids, so the stored arguments hold no personal data."""

    @functools.wraps(func)
    def wrapper(alliance_id, *args, **kwargs):
        alliance = Alliance.objects.filter(pk=alliance_id).first()
        if alliance is None:
            return None  # the alliance was deleted meanwhile: nothing left to do
        with activate(alliance):
            return func(*args, **kwargs)

    return wrapper
