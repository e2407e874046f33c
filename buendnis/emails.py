"""The portal's e-mails: templated e-mails (`buendnis.lib.emails`) that know the alliance.

Every e-mail goes out in the name of the active alliance: its sender name and
address, its reply-to, links to its own domain. Every e-mail template sees
`alliance` and `site_url` (the alliance's address). Each app has one small send
function per e-mail that calls `send_templated`.
"""

from buendnis.lib.emails import render_email
from buendnis.models import Alliance

__all__ = ["absolute_url", "render_templated", "send_templated"]


def absolute_url(path):
    """A link into the active alliance's portal, on its own domain."""
    return f"{Alliance.current().base_url}{path}"


def render_templated(name, context, to, attachments=(), reply_to=None, headers=None):
    alliance = Alliance.current()
    context = {"alliance": alliance, "site_url": alliance.base_url, **context}
    return render_email(
        name, context, to, attachments,
        reply_to=reply_to if reply_to is not None else alliance.reply_to,
        headers=headers,
        from_email=alliance.from_email,
    )


def send_templated(name, context, to, attachments=(), reply_to=None, headers=None):
    message = render_templated(name, context, to, attachments, reply_to, headers)
    message.send()
    return message
