"""Several alliances in tests."""

from contextlib import contextmanager

from django_scopes.state import state


@contextmanager
def outside_any_scope():
    """Leave the scope the autouse fixture entered, as code outside a request would be."""
    previous = state.get()
    state.set({})
    try:
        yield
    finally:
        state.set(previous)
