"""The portal's e-mails: templated e-mails (`buendnis.lib.emails`) that know the alliance.

Every e-mail goes out in the name of the active alliance: its sender name and
address, its reply-to, links to its own domain. Every e-mail template sees
`alliance` and `site_url` (the alliance's address). Each app has one small send
function per e-mail that calls `send_templated`.

Language: an e-mail to a family or a partner is written in the language they used
(`buendnis.lib.languages`). Its send function builds the links and renders inside
`with in_language(recipient.language):`, so that subject, text, HTML, dates and the
paths `reverse()` gives are in that language. Every other e-mail (to the coordination,
the team, a working group's lead) is German, also when a visitor's request in another
language caused it. Each e-mail says its language in the header Content-Language.
"""

import contextlib
import contextvars

from django.conf import settings
from django.utils import translation

from buendnis.lib.emails import render_email
from buendnis.lib.languages import supported
from buendnis.models import Alliance

__all__ = ["absolute_url", "in_language", "render_templated", "send_templated"]

_language = contextvars.ContextVar("mail_language", default=None)


@contextlib.contextmanager
def in_language(code):
    """Everything inside (links, texts, the e-mails rendered) in the recipient's language."""
    code = supported(code)
    token = _language.set(code)
    try:
        with translation.override(code):
            yield code
    finally:
        _language.reset(token)


def mail_language():
    """The language of e-mails rendered now: the recipient's inside `in_language`, else German."""
    return _language.get() or settings.LANGUAGE_CODE


def absolute_url(path):
    """A link into the active alliance's portal, on its own domain."""
    return f"{Alliance.current().base_url}{path}"


def render_templated(name, context, to, attachments=(), reply_to=None, headers=None):
    alliance = Alliance.current()
    context = {"alliance": alliance, "site_url": alliance.base_url, **context}
    language = mail_language()
    with translation.override(language):
        return render_email(
            name, context, to, attachments,
            reply_to=reply_to if reply_to is not None else alliance.reply_to,
            headers={"Content-Language": language, **(headers or {})},
            from_email=alliance.from_email,
        )


def send_templated(name, context, to, attachments=(), reply_to=None, headers=None):
    message = render_templated(name, context, to, attachments, reply_to, headers)
    message.send()
    return message
