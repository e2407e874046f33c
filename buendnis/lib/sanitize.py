"""Rich text written in the admin is cleaned on output: formatting and links stay,
scripts, event handlers and styles go."""

import re

import nh3
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

# Where a block ends, plain text needs a space: "…berichten.</p><p>Danach" → "berichten. Danach".
BLOCK_END = re.compile(r"</(p|li|h[1-6]|blockquote)>|<br\s*/?>", re.IGNORECASE)

ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li", "a",
    "h2", "h3", "h4", "blockquote", "abbr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}


def clean_html(value):
    return mark_safe(
        nh3.clean(
            value or "",
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes={"http", "https", "mailto", "tel"},
            link_rel="noopener noreferrer",
        )
    )


def plain_text(value, limit=None):
    """Rich text as one line of plain text (feeds, calendar files, structured data),
    cut at a word before `limit` characters with " …"."""
    text = " ".join(strip_tags(BLOCK_END.sub(" ", value or "")).split())
    if limit and len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    return text
