"""The alliance (the tenant) and what it writes about itself, by topic."""

from buendnis.models.alliance import Account, Alliance, AllianceQuerySet, Domain, hostname
from buendnis.models.alliance_settings import MailSettings, OpenDataSettings
from buendnis.models.content import (
    FieldOfAction,
    FieldOfActionQuerySet,
    Milestone,
    MilestoneQuerySet,
    Page,
    PageQuerySet,
)
from buendnis.models.easy_read import EasyReadPage, EasyReadPageQuerySet
from buendnis.models.installation import ContentVersion, RateLimitCounter

__all__ = [
    "Account",
    "Alliance",
    "AllianceQuerySet",
    "ContentVersion",
    "Domain",
    "EasyReadPage",
    "EasyReadPageQuerySet",
    "FieldOfAction",
    "FieldOfActionQuerySet",
    "MailSettings",
    "Milestone",
    "MilestoneQuerySet",
    "OpenDataSettings",
    "Page",
    "PageQuerySet",
    "RateLimitCounter",
    "hostname",
]
