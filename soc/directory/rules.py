"""Who keeps which services current: provider staff their own agency's, directory administrators all.

The directory sits below the consent app, so its few rules live here, as `rules` predicates in one
rule set; directory pages and actions ask `can_edit`, `editable_services` and
`keeps_services_current`, nothing else. The consent policy builds on `is_provider_staff` too (the
referral inbox).
"""

import rules
from django.contrib.auth.models import Group

from .models import Organization, Service

DIRECTORY_ADMINS = "Directory administrators"
_PROVIDER_STAFF = "_soc_provider_staff"  # kept on the user object for the rest of the request

is_directory_admin = rules.is_group_member(DIRECTORY_ADMINS)


@rules.predicate
def is_provider_staff(user, obj=None):
    """Works for an organization on the platform that runs services in the directory: its staff
    keep those services current and receive the referrals to them. A family's own account
    (no organization) costs no query; staff, one per request."""
    if not user.is_authenticated or user.organization_id is None:
        return False
    if not hasattr(user, _PROVIDER_STAFF):
        runs = Organization.objects.filter(agency_id=user.organization_id).exists()
        setattr(user, _PROVIDER_STAFF, runs)
    return getattr(user, _PROVIDER_STAFF)


@rules.predicate
def works_for_the_agency_running_it(user, service):
    agency_id = service.organization.agency_id if service.organization_id else None
    return agency_id is not None and agency_id == user.organization_id


DIRECTORY_RULES = rules.RuleSet()
DIRECTORY_RULES.add_rule("edit_service", is_directory_admin | works_for_the_agency_running_it)
DIRECTORY_RULES.add_rule("keep_services_current", is_provider_staff)


def can_edit(user, service):
    return user.is_authenticated and DIRECTORY_RULES.test_rule("edit_service", user, service)


def keeps_services_current(user):
    """Provider staff: the menu offers them "Your services"."""
    return user is not None and DIRECTORY_RULES.test_rule("keep_services_current", user, None)


def editable_services(user):
    """The services this user may edit, as a queryset (the same rule as can_edit, in SQL)."""
    if not user.is_authenticated:
        return Service.objects.none()
    if is_directory_admin(user):
        return Service.objects.all()
    if user.organization_id is None:
        return Service.objects.none()
    return Service.objects.run_by(user.organization_id)


def directory_admins_group():
    group, _created = Group.objects.get_or_create(name=DIRECTORY_ADMINS)
    return group
