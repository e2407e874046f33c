"""The coordinator's team: the admin accounts of her alliance, invited by e-mail,
given a role, their second factor reset, removed (deactivated: what they did stays).

Only accounts of the active alliance (`buendnis.tenancy.alliance_accounts`), never a
superuser. An alliance always keeps one active coordinator.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Exists, OuterRef
from django_otp.plugins.otp_totp.models import TOTPDevice

from arbeitsgruppen.models import WorkingGroup
from buendnis import backup_codes, emails, roles
from buendnis.models import Account
from buendnis.tenancy import alliance_accounts
from cockpit.alliances import invitation_link


class TeamError(ValueError):
    """Why a change of the team is refused, in German."""


def members():
    """The alliance's accounts: active ones first, with their role groups, led groups
    and whether their second factor is set up."""
    confirmed_app = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
    return (
        get_user_model()
        .objects.filter(alliance_accounts())
        .annotate(has_app=Exists(confirmed_app))
        .prefetch_related("groups", "led_working_groups")
        .order_by("-is_active", "last_name", "first_name", "username")
    )


def coordinators_besides(user):
    """Whether another active coordinator stays. The rows stay locked until the change is
    saved, so two coordinators removing each other at once cannot leave none."""
    others = (
        get_user_model()
        .objects.select_for_update(of=("self",))
        .filter(alliance_accounts(), is_active=True, groups__name=roles.COORDINATION)
        .exclude(pk=user.pk)
    )
    return bool(list(others.values_list("pk", flat=True)))


def _keep_a_coordinator(user, new_role=None):
    if roles.COORDINATION in user.groups.values_list("name", flat=True) and new_role != roles.COORDINATION:
        if user.is_active and not coordinators_besides(user):
            raise TeamError(
                f"{display_name(user)} ist die einzige Person mit der Rolle Koordination. "
                "Geben Sie zuerst einer zweiten Person diese Rolle."
            )


def display_name(user):
    return user.get_full_name() or user.get_username()


def _set_role(user, role, working_groups):
    role_groups = Group.objects.filter(name__in=roles.ROLES)
    user.groups.remove(*role_groups)
    user.groups.add(Group.objects.get_or_create(name=role)[0])
    user.led_working_groups.set(working_groups if role == roles.WORKING_GROUP_LEAD else [])


def _mail(name, user, by, **context):
    emails.send_templated(name, {"user": user, "by": display_name(by), **context}, [user.email])


def _invitation(user, by, again=False):
    _mail(
        "team_invitation",
        user,
        by,
        again=again,
        link=invitation_link(user),
        days=settings.PASSWORD_RESET_TIMEOUT // 86400,
        role=roles.role_name(user),
        description=roles.ROLE_DESCRIPTIONS.get(roles.role_name(user), ""),
    )


def invite(*, email, first_name, last_name, role, working_groups, by):
    """A new account of the active alliance with `role`; a link to set its password goes
    to `email` (the user name). `by` invites."""
    with transaction.atomic():
        user = get_user_model().objects.create_user(
            username=email, email=email, first_name=first_name, last_name=last_name, is_staff=True
        )  # no password yet: the link sets it
        Account.objects.create(user=user)
        _set_role(user, role, working_groups)
    _invitation(user, by)
    return user


def send_new_link(user, *, by):
    """A new link to set the password (forgotten, or the first one expired)."""
    if not user.is_active:
        raise TeamError("Dieser Zugang ist beendet; er bekommt keinen Link.")
    _invitation(user, by, again=True)


def change_role(user, *, role, working_groups, by):
    with transaction.atomic():
        _keep_a_coordinator(user, new_role=role)
        before = roles.role_name(user)
        _set_role(user, role, working_groups)
    if before != role:
        _mail("team_role_changed", user, by, role=role, description=roles.ROLE_DESCRIPTIONS[role])


def reset_second_factor(user, *, by):
    """The phone is lost: the app and the backup codes are forgotten; at the next login
    the person sets the second factor up again."""
    backup_codes.reset_second_factor(user)
    _mail("team_second_factor_reset", user, by)


def remove(user, *, by):
    """The account can no longer log in; what it did stays, and its name with it."""
    if not user.is_active:
        raise TeamError("Dieser Zugang ist schon beendet.")
    with transaction.atomic():
        _keep_a_coordinator(user)
        user.is_active = False
        user.save(update_fields=["is_active"])
    _mail("team_removed", user, by)


def led_group_choices():
    return WorkingGroup.objects.order_by("name")
