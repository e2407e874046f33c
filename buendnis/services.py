"""Publishing a content page: refused, with the reasons named, while a required fact is
missing or a `[…]` placeholder remains."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def publish_page(page):
    """Publish `page`, or raise ValidationError naming what is still missing."""
    problems = page.publication_problems()
    if problems:
        raise ValidationError([_("Die Seite kann noch nicht veröffentlicht werden."), *problems])
    page.published = True
    page.save()  # as checked: with every fact it was checked with
    return page


def unpublish_page(page):
    page.published = False
    page.save(update_fields=["published", "updated_at"])
    return page
