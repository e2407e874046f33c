"""The models of the events app, one module per topic."""

from events.models.attendance import Invitation, Registration
from events.models.events import Event, load_places_taken
from events.models.minutes import AgendaItem, Minutes, Task
from events.models.suggestions import Suggestion

__all__ = [
    "AgendaItem",
    "Event",
    "Invitation",
    "Minutes",
    "Registration",
    "Suggestion",
    "Task",
    "load_places_taken",
]
