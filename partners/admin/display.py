"""How the partner admin shows membership periods: dates as days, who entered what."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _


def german_day(value):
    """A moment as the day she knows it: "7. Dezember 2026" ("" for none)."""
    return date_format(timezone.localtime(value), "j. F Y") if value else ""


def _account_name(user):
    return (user.get_full_name() or user.username) if user else ""


def entry_lines(signature):
    """Who entered a paper signature and who a withdrawal by letter, and when."""
    lines = []
    for label, user, when in (
        (_("erfasst"), signature.entered_by, signature.entered_at),
        (_("Austritt erfasst"), signature.withdrawal_entered_by, signature.withdrawal_entered_at),
    ):
        if when is None:
            continue
        if user is not None:
            lines.append(_("%(what)s von %(name)s am %(day)s")
                         % {"what": label, "name": _account_name(user), "day": german_day(when)})
        else:
            lines.append(_("%(what)s am %(day)s") % {"what": label, "day": german_day(when)})
    return lines


def entries_html(signature):
    """`entry_lines` one under the other, "–" for none."""
    return format_html_join(mark_safe("<br>"), "{}", ((line,) for line in entry_lines(signature))) or "–"
