"""Small SVG charts rendered on the server: no chart library, no script, no inline styles.

Every value is written into the chart as text, so the charts can be read without
telling colours apart; `<title>` and `<desc>` name them for screen readers, and
the dashboard shows the same numbers as a table.
"""

import math

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import slugify

WIDTH = 640
FONT = 'font-family="sans-serif" font-size="12"'
MAX_LABELS = 12


def _nice_max(value):
    """A round upper end for the axis: 1, 2 or 5 times a power of ten."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def _svg(chart_id, title, description, height, body):
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="cockpit-chart" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
        f"{body}</svg>"
    )


def _describe(points):
    return "; ".join(f"{point.label}: {point.value}" for point in points)


def line_chart(points, title, description):
    """Values over time: a line with a dot and the number at each (shown) point."""
    chart_id = slugify(title)
    if not points:
        return None
    height, left, right, top, bottom = 280, 48, 24, 28, 48
    plot_width, plot_height = WIDTH - left - right, height - top - bottom
    top_value = _nice_max(max(point.value for point in points))
    step = plot_width / max(len(points) - 1, 1)
    every = math.ceil(len(points) / MAX_LABELS)

    def x(index):
        return left + (index * step if len(points) > 1 else plot_width / 2)

    def y(value):
        return top + plot_height - value / top_value * plot_height

    parts = [
        # Axes and three grid lines with their values.
        f'<line class="chart-axis" x1="{left}" y1="{top + plot_height}" x2="{WIDTH - right}" '
        f'y2="{top + plot_height}" stroke="currentColor"/>',
    ]
    for fraction in (0, 0.5, 1):
        value = top_value * fraction
        parts.append(
            f'<line class="chart-grid" x1="{left}" y1="{y(value):.1f}" x2="{WIDTH - right}" '
            f'y2="{y(value):.1f}" stroke="#999" stroke-dasharray="2 4"/>'
            f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end" {FONT} '
            f'fill="currentColor">{value:g}</text>'
        )
    coordinates = " ".join(f"{x(i):.1f},{y(p.value):.1f}" for i, p in enumerate(points))
    parts.append(
        f'<polyline class="chart-line" points="{coordinates}" fill="none" stroke="#1d5f8a" '
        f'stroke-width="2.5"/>'
    )
    for index, point in enumerate(points):
        parts.append(
            f'<circle class="chart-dot" cx="{x(index):.1f}" cy="{y(point.value):.1f}" r="3.5" '
            f'fill="#1d5f8a"/>'
        )
        if index % every == 0 or index == len(points) - 1:
            parts.append(
                f'<text class="chart-value" x="{x(index):.1f}" y="{y(point.value) - 9:.1f}" '
                f'text-anchor="middle" {FONT} font-weight="bold" fill="currentColor">{point.value}</text>'
                f'<text class="chart-label" x="{x(index):.1f}" y="{top + plot_height + 20}" '
                f'text-anchor="middle" {FONT} fill="currentColor">{escape(point.label)}</text>'
            )
    return _svg(chart_id, title, f"{description} {_describe(points)}", height, "".join(parts))


def bar_chart(points, title, description):
    """One horizontal bar per category, its name on the left and its number on the right."""
    chart_id = slugify(title)
    if not points:
        return None
    row, label_width, value_width, top = 30, 230, 50, 8
    height = top * 2 + row * len(points)
    bar_space = WIDTH - label_width - value_width
    top_value = max(point.value for point in points)
    parts = []
    for index, point in enumerate(points):
        y = top + index * row
        length = max(point.value / top_value * bar_space, 2)
        parts.append(
            f'<text class="chart-label" x="{label_width - 8}" y="{y + row / 2 + 4:.1f}" '
            f'text-anchor="end" {FONT} fill="currentColor">{escape(point.label)}</text>'
            f'<rect class="chart-bar" x="{label_width}" y="{y + 5}" width="{length:.1f}" '
            f'height="{row - 10}" fill="#1d5f8a"/>'
            f'<text class="chart-value" x="{label_width + length + 6:.1f}" y="{y + row / 2 + 4:.1f}" '
            f'{FONT} font-weight="bold" fill="currentColor">{point.value}</text>'
        )
    return _svg(chart_id, title, f"{description} {_describe(points)}", height, "".join(parts))
