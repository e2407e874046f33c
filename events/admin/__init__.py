"""The admin of the events app, one module per topic."""

from events.admin import events, minutes, suggestions  # noqa: F401 - registers the admins
