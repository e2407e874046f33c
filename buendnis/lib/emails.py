"""Sending e-mails from templates.

Each e-mail is `templates/emails/<name>_subject.txt` plus `<name>_body.txt`
(and optionally `<name>_body.html`). Each app has one small send function per
e-mail that calls `send_templated`.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import get_template, render_to_string

from buendnis.models import Alliance


def render_email(name, context, to, attachments=(), reply_to=None, headers=None):
    context = {"alliance": Alliance.load(), "site_url": settings.SITE_URL, **context}
    subject = " ".join(render_to_string(f"emails/{name}_subject.txt", context).split())
    body = render_to_string(f"emails/{name}_body.txt", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(to),
        reply_to=reply_to,
        headers=headers,
    )
    try:
        html = get_template(f"emails/{name}_body.html").render(context)
    except TemplateDoesNotExist:
        html = None
    if html:
        message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    return message


def send_templated(name, context, to, attachments=(), reply_to=None, headers=None):
    message = render_email(name, context, to, attachments, reply_to, headers)
    message.send()
    return message


def absolute_url(path):
    return f"{settings.SITE_URL}{path}"
