"""Plan against actual as an SVG drawn by the server, as the dashboard's charts are
(`cockpit/charts.py`, one layer above): no script, no inline style; each amount is
written beside its bar, `<title>` and `<desc>` name them, and the page shows the same
numbers as a table."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from finances.templatetags.money import euro

WIDTH = 640
FONT = 'font-family="sans-serif" font-size="12"'
PLAN, ACTUAL = "#9aa8b4", "#1d5f8a"


def plan_actual_chart(comparison, title):
    """Two bars per row: planned (grey) above actual (blue)."""
    rows = comparison.rows
    if not rows:
        return None
    row, label_width, value_width, top = 44, 200, 110, 24
    height = top + row * len(rows) + 8
    space = WIDTH - label_width - value_width
    largest = max(max(r.planned, r.actual) for r in rows) or 1
    parts = [
        f'<text x="{label_width}" y="14" {FONT} fill="{PLAN}">■ geplant</text>'
        f'<text x="{label_width + 90}" y="14" {FONT} fill="{ACTUAL}">■ tatsächlich</text>'
    ]
    for index, item in enumerate(rows):
        y = top + index * row
        parts.append(
            f'<text class="chart-label" x="{label_width - 8}" y="{y + 22}" text-anchor="end" {FONT} '
            f'fill="currentColor">{escape(item.label)}</text>'
        )
        for offset, value, colour in ((2, item.planned, PLAN), (20, item.actual, ACTUAL)):
            length = max(float(value / largest) * space, 1)
            parts.append(
                f'<rect x="{label_width}" y="{y + offset}" width="{length:.1f}" height="16" fill="{colour}"/>'
                f'<text x="{label_width + length + 6:.1f}" y="{y + offset + 13}" {FONT} '
                f'fill="currentColor">{escape(euro(value))}</text>'
            )
    description = "; ".join(
        f"{r.label}: geplant {euro(r.planned)}, tatsächlich {euro(r.actual)}" for r in rows
    )
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="cockpit-chart" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="plan-ist-title plan-ist-desc">'
        f'<title id="plan-ist-title">{escape(title)}</title>'
        f'<desc id="plan-ist-desc">{escape(description)}</desc>'
        f"{''.join(parts)}</svg>"
    )
