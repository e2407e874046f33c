"""The lifecycle of an alliance on a shared installation: created by the Servicestelle
(or `manage.py create_alliance`), suspended and resumed, deleted with everything it
holds."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify

from buendnis import emails, hosts, pagecache, starter
from buendnis.models import Account, Alliance, Domain, EasyReadPage, FieldOfAction, Page, hostname
from buendnis.roles import COORDINATION
from buendnis.tenancy import activate
from cockpit import backups
from partners.models import Declaration

DECLARATION_DRAFT = (
    "<p>Wir wollen, dass Familien in [Ort] gut leben und arbeiten können. Deshalb schließen "
    "wir uns zum Lokalen Bündnis für Familie zusammen.</p>"
    "<ul><li>Wir setzen uns für die Vereinbarkeit von Familie, Beruf und Pflege ein.</li>"
    "<li>Wir unterstützen verlässliche Kinderbetreuung und Bildung.</li>"
    "<li>Wir bringen uns nach unseren Möglichkeiten ein.</li></ul>"
    "<p>Die Unterzeichnung kostet nichts, verpflichtet zu nichts und kann jederzeit beendet "
    "werden.</p>"
)


class AllianceError(ValueError):
    """What is wrong with the alliance to be created, in German."""


def check_new_alliance(name, domain, admin_email, slug):
    errors = []
    if not name.strip():
        errors.append("Bitte einen Namen angeben.")
    try:
        hostname(domain)
    except ValidationError:
        errors.append(f"„{domain}“ ist kein Domainname (Kleinbuchstaben, ohne http:// und Pfad).")
    if Domain.objects.filter(name=domain).exists():
        errors.append(f"Die Domain „{domain}“ gehört schon einem Bündnis.")
    if domain == settings.SERVICE_DOMAIN:
        errors.append(f"„{domain}“ ist die Domain der Servicestelle.")
    if not slug:
        errors.append("Bitte eine Kennung angeben.")
    elif Alliance.objects.filter(slug=slug).exists():
        errors.append(f"Die Kennung „{slug}“ ist vergeben.")
    try:
        validate_email(admin_email)
    except ValidationError:
        errors.append(f"„{admin_email}“ ist keine E-Mail-Adresse.")
    if get_user_model().objects.filter(username=admin_email).exists():
        errors.append(f"Ein Benutzerkonto „{admin_email}“ gibt es schon.")
    if errors:
        raise AllianceError(" ".join(errors))


def create_alliance(*, name, domain, admin_email, slug=None, aliases=()):
    """A new alliance, ready to be completed by its coordinator: the default pages as
    drafts, a draft declaration, the usual fields of action, and a coordinator account
    whose invitation (set a password, then the second factor) goes to `admin_email`.
    Returns the alliance and the invitation link."""
    domain = domain.strip().lower()
    admin_email = admin_email.strip().lower()
    slug = slug or slugify(domain.split(".")[0])[:60]
    check_new_alliance(name, domain, admin_email, slug)
    with transaction.atomic():
        alliance = Alliance.objects.create(
            name=name.strip(), slug=slug, coordinator_email=admin_email, email=admin_email
        )
        Domain.objects.create(alliance=alliance, name=domain, is_primary=True)
        for alias in aliases:
            Domain.objects.create(alliance=alliance, name=alias.strip().lower())
        with activate(alliance):
            for page_slug, (title, body) in starter.PAGES.items():
                Page.objects.create(slug=page_slug, title=title, body=body, published=False)
            EasyReadPage.objects.create(**starter.EASY_READ_HOME, published=False)
            for position, (field_slug, field_name, summary) in enumerate(starter.FIELDS, start=1):
                FieldOfAction.objects.create(
                    slug=field_slug, name=field_name, summary=summary, position=position * 10
                )
            Declaration.objects.create(
                version=str(timezone.localdate().year), text=DECLARATION_DRAFT, is_current=False
            )
            user = get_user_model().objects.create_user(
                username=admin_email, email=admin_email, is_staff=True
            )  # no password yet: the invitation sets it
            user.groups.add(Group.objects.get_or_create(name=COORDINATION)[0])
            Account.objects.create(user=user)
            link = invitation_link(user)
    _send_invitation(alliance, user, link)
    hosts.forget()
    return alliance, link


def invitation_link(user):
    """The coordinator's link to set a password (valid PASSWORD_RESET_TIMEOUT seconds)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    # The link is on the alliance's domain, also when the Servicestelle creates it.
    kwargs = {"uidb64": uid, "token": token}
    path = reverse("account_invitation", kwargs=kwargs, urlconf=settings.ROOT_URLCONF)
    return emails.absolute_url(path)


def _send_invitation(alliance, user, link):
    with activate(alliance):
        days = settings.PASSWORD_RESET_TIMEOUT // 86400
        emails.send_templated(
            "alliance_invitation", {"user": user, "link": link, "days": days}, [user.email]
        )


def suspend(alliance):
    alliance.suspended_at = timezone.now()
    alliance.save(update_fields=["suspended_at", "updated_at"])
    pagecache.bump(alliance.pk)


def resume(alliance):
    alliance.suspended_at = None
    alliance.save(update_fields=["suspended_at", "updated_at"])
    # Pages cached before the suspension are not served again.
    pagecache.bump(alliance.pk)


def delete_alliance(alliance):
    """Delete the alliance and everything it holds (see `cockpit.backups.delete_alliance`)."""
    return backups.delete_alliance(alliance)
