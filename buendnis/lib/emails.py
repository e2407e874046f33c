"""Sending e-mails from templates.

Each e-mail is `templates/emails/<name>_subject.txt` plus `<name>_body.txt` (and
optionally `<name>_body.html`). The apps call `buendnis.emails`, which adds the
alliance to every context; this module knows no model.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import get_template, render_to_string


def render_email(name, context, to, attachments=(), reply_to=None, headers=None, from_email=None):
    subject = " ".join(render_to_string(f"emails/{name}_subject.txt", context).split())
    body = render_to_string(f"emails/{name}_body.txt", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
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
