"""Who keeps which services current: provider staff their own agency's, directory administrators all.

The directory sits below the consent app, so its few rules live here, as `rules` predicates in one
rule set; directory pages and actions ask `can_edit` and `editable_services`, nothing else.
"""

import rules
from django.contrib.auth.models import Group

from .models import Service

DIRECTORY_ADMINS = "Directory administrators"

is_directory_admin = rules.is_group_member(DIRECTORY_ADMINS)


@rules.predicate
def works_for_the_agency_running_it(user, service):
    agency_id = service.organization.agency_id if service.organization_id else None
    return agency_id is not None and agency_id == user.organization_id


DIRECTORY_RULES = rules.RuleSet()
DIRECTORY_RULES.add_rule("edit_service", is_directory_admin | works_for_the_agency_running_it)


def can_edit(user, service):
    return user.is_authenticated and DIRECTORY_RULES.test_rule("edit_service", user, service)


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
