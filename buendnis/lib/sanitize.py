"""Rich text written in the admin is cleaned on output: formatting and links stay,
scripts, event handlers and styles go."""

import nh3
from django.utils.safestring import mark_safe

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
