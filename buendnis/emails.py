"""The portal's e-mails: templated e-mails (`buendnis.lib.emails`) that know the alliance.

Every e-mail template sees `alliance` and `site_url`. Each app has one small send
function per e-mail that calls `send_templated`.
"""

from django.conf import settings

from buendnis.lib.emails import absolute_url, render_email
from buendnis.models import Alliance

__all__ = ["absolute_url", "render_templated", "send_templated"]


def render_templated(name, context, to, attachments=(), reply_to=None, headers=None):
    context = {"alliance": Alliance.load(), "site_url": settings.SITE_URL, **context}
    return render_email(name, context, to, attachments, reply_to, headers)


def send_templated(name, context, to, attachments=(), reply_to=None, headers=None):
    message = render_templated(name, context, to, attachments, reply_to, headers)
    message.send()
    return message
