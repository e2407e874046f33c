"""Roles in the admin, as Django groups (created by the migration cockpit 0002_roles).

- Koordination: every permission of the portal's apps; the only role that exports
  contact data.
- Steuerungsgruppe: sees everything, approves minutes, changes nothing else; its
  exports carry no contact data.
- AG-Leitung: users named as a working group's leads edit only those groups, their
  projects, events and minutes; they see partner names, but contact data only of
  partners in their own groups (`arbeitsgruppen/roles.py` narrows the admin).

Model permissions say *what kind* of object a role may touch; the scoped admins
narrow it to *which* objects, so a changed URL does not get around them.
"""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from buendnis.lib.registry import Registry

COORDINATION = "Koordination"
STEERING_GROUP = "Steuerungsgruppe"
WORKING_GROUP_LEAD = "AG-Leitung"


def role_names(user):
    """The names of the user's groups; cached on the user object, which lives one request."""
    if not hasattr(user, "_role_names"):
        user._role_names = set(user.groups.values_list("name", flat=True))
    return user._role_names


@receiver(m2m_changed, dispatch_uid="buendnis.roles.forget_role_names")
def forget_role_names(sender, instance, **kwargs):
    """`user.groups.add(…)` and the like: the user object reads its roles anew."""
    if sender is get_user_model().groups.through:
        instance.__dict__.pop("_role_names", None)


def edits_everything(user):
    return user.is_active and (user.is_superuser or COORDINATION in role_names(user))


def sees_everything(user):
    return edits_everything(user) or (user.is_active and STEERING_GROUP in role_names(user))


def changes_only_led_groups(user):
    """Everybody but Koordination changes only what belongs to the groups it leads.

    For a user without a role these are no groups at all: even a permission given
    by hand outside the roles shows nothing ("a user without a role sees nothing").
    """
    return not edits_everything(user)


def sees_only_led_groups(user):
    return not sees_everything(user)


def exports_personal_data(user):
    """The one rule for the columns of every export: personal data only for Koordination."""
    return edits_everything(user)


# Which partners' contact data a user restricted to the groups it leads may see in the
# admin. Working groups sit above partners, so their app registers the answer
# (`arbeitsgruppen/roles.py`); until it does, such a user sees no contact data.
contact_partners = Registry()


def contact_partner_ids(user):
    """The ids of partners whose contact data `user` may see, or None for all of them."""
    if not sees_only_led_groups(user):
        return None
    return set().union(*(ids for _key, ids in contact_partners.results(user)))


ROLES = [COORDINATION, STEERING_GROUP, WORKING_GROUP_LEAD]

# One sentence per role, as the Team page and the invitation say it.
ROLE_DESCRIPTIONS = {
    COORDINATION: (
        "Führt das Bündnis in der Verwaltung: sieht und ändert alles, auch Kontaktdaten, "
        "verschickt Einladungen und Rundmails und lädt weitere Personen ins Team ein."
    ),
    STEERING_GROUP: (
        "Sieht alles und gibt Protokolle frei, ändert sonst nichts; ihre Listen zum "
        "Herunterladen enthalten keine Kontaktdaten."
    ),
    WORKING_GROUP_LEAD: (
        "Pflegt nur die Arbeitsgruppen, die sie leitet, mit ihren Projekten, Treffen und "
        "Protokollen; Kontaktdaten sieht sie nur von Partnern dieser Gruppen."
    ),
}


def role_name(user):
    """The user's role (the first of `ROLES` it has), or "" without one."""
    names = role_names(user)
    return next((role for role in ROLES if role in names), "")
