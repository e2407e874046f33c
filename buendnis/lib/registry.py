"""The one shape in which a higher layer hands something to a lower one.

A lower layer must sometimes show or reach what a higher one has: the home page shows
the next dates, a partner's page its working groups, a withdrawal erases the contact
person's data in every app. It must not import the higher app, so it offers a
`Registry`; the higher app registers a function with a decorator at import (its
AppConfig imports the module), and the lower one calls every registered function in
order. Nothing registered: an empty answer, never an error.

    home = Registry()                                  # lower layer
    @home.register("events/includes/home_next.html")   # higher layer
    def next_dates(request): ...
    home.results(request)                              # lower layer: [(key, result), ...]
"""


class Registry:
    def __init__(self):
        self._entries = []  # (order, key, func)

    def register(self, key=None, order=50):
        """Register the decorated function under `key` (a name, a template, or None);
        lower `order` comes first."""

        def decorator(func):
            self._entries.append((order, key, func))
            self._entries.sort(key=lambda entry: entry[0])
            return func

        return decorator

    def keys(self):
        """The keys registered so far, in order."""
        return [key for _order, key, _func in self._entries]

    def results(self, *args):
        """(key, result) of every registered function, called with `args`, in order."""
        return [(key, func(*args)) for _order, key, func in self._entries]
