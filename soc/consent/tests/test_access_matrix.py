"""Every page that touches case data, for every relation to the family: the expected answer.

The test walks the URL resolver, so a new route without a row here fails.
Outsiders (including organization administrators and superusers) get 404: they must not
even learn that the family exists. Team members without the right get 403.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from soc.audit.models import AuditEvent
from soc.plans.tests.builders import add_plan
from soc.referrals.tests.builders import add_referral

pytestmark = pytest.mark.django_db

INSIDERS = ("caregiver", "youth", "facilitator", "member")
OUTSIDERS = ("proposed", "removed", "same_org_staff", "other_org_staff", "org_admin", "superuser")
EVERYONE = INSIDERS + OUTSIDERS + ("anonymous",)

# The HSDS API: the public resource directory, open without sign-in, never about a family; only
# public services (directory/tests/test_hsds_api.py).
FAMILY_PARTNER_DOOR = (
    "404 unless routed to the user's organization: family_partners/tests/test_access.py"
)
PUBLIC_DIRECTORY = "public resource directory (HSDS): directory/tests/test_hsds_api.py"
# Routes that do not show one family's case data, and why.
NOT_CASE_DATA = {
    "login": "sign-in form",
    "mfa_setup": "the user's own second factor",
    "mfa_verify": "the user's own second factor",
    "logout": "ends the session",
    "set_language": "stores a language choice",
    "account": "the user's own settings",
    "token_create": "the user's own API tokens",
    "token_revoke": "the user's own API tokens (404 for others' tokens, tested in accounts)",
    "calendar_feed_create": "the user's own feed secret",
    "calendar_feed_revoke": "the user's own feed secret",
    "calendar_feed": "secret-URL feed: tested in teams/tests/test_pages.py (visible_to of the token's owner)",
    "accept_invitation": "secret-token page: tested in teams/tests/test_invitation_accept.py",
    "join_with_code": "letter-code page, counted and locked: tested in teams/tests/test_join_code.py",
    "join_account": "after a right letter code (kept in the session): teams/tests/test_join_code.py",
    "home": "lists only the user's own families (query: Family.objects.visible_to)",
    "search": "searches only the user's own families: consent/tests/test_consent_matrix.py",
    "family_new": "opens a new family; no existing family is shown",
    "my_tasks": "lists only the user's own next steps (NextStep.objects.visible_to): teams/tests/test_my_tasks.py",
    "texts_inbound": "text provider webhook, bearer token: messaging/tests/test_inbound.py",
    "family_join": "asks to join a family just shown as a duplicate: tested in families/tests/test_open_family.py",
    "health_live": "load-balancer probe: answers without database, session or user (soc/test_health.py)",
    "health_ready": "load-balancer probe: database and migrations only, no case data (soc/test_health.py)",
    "hsds_root": PUBLIC_DIRECTORY,
    "hsds_services": PUBLIC_DIRECTORY,
    "hsds_service": PUBLIC_DIRECTORY,
    "hsds_service_at_locations": PUBLIC_DIRECTORY,
    "hsds_service_at_location": PUBLIC_DIRECTORY,
    "hsds_organizations": PUBLIC_DIRECTORY,
    "hsds_organization": PUBLIC_DIRECTORY,
    "hsds_taxonomies": PUBLIC_DIRECTORY,
    "hsds_taxonomy": PUBLIC_DIRECTORY,
    "hsds_taxonomy_terms": PUBLIC_DIRECTORY,
    "hsds_taxonomy_term": PUBLIC_DIRECTORY,
    "find_help": "public Find help search, no sign-in, records nothing: directory/tests/test_find_pages.py",
    "find_service": "public service page (public services only): directory/tests/test_find_pages.py",
    "service_edit": "directory, not case data; own agency or directory admin, else 404: directory/tests/test_keep_current.py",
    "service_verify": "directory, not case data; own agency or directory admin, else 404: directory/tests/test_keep_current.py",
    "service_details": "directory, not case data; own agency or directory admin, else 404: directory/tests/test_service_details.py",
    "my_services": "lists only services the user may edit: directory/tests/test_service_details.py",
    "reverification_queue": "lists only services the user may edit: directory/tests/test_keep_current.py",
    "referral_inbox": "lists only referrals to the user's organization's services, shared "
    "details only (Referral.objects.received_by): referrals/tests/test_pages.py",
    # A family's request for a family partner (soc.family_partners): not a case record; only staff
    # of the family organizations it was routed to, else 404 (family_partners/tests/test_access.py).
    "connect": "public form, no sign-in: family_partners/tests/test_connect.py",
    "connect_thanks": "public thanks page, nothing about the family: test_connect.py",
    "family_request_inbox": "lists only requests routed to the user's organization "
    "(FamilyRequest.objects.visible_to): family_partners/tests/test_access.py",
    **dict.fromkeys(
        (
            "family_request",
            "family_request_claim",
            "family_request_contact",
            "family_request_close",
            "family_request_consent",
            "family_request_find_family",
            "family_request_link",
            "family_request_intake",
        ),
        FAMILY_PARTNER_DOOR,
    ),
    # Governance (soc.collaboratives): no case data, only suppressed counts; public pages are public,
    # edits need a seat or the collaborative-admin permission (collaboratives/tests/test_access.py).
    "collaborative_list": "public list of collaboratives",
    "partnership": "public: family partnership in seats and governance acts, no case data",
    "collaborative": "public page of a collaborative: confidential items only with a seat",
    "collaborative_new": "needs the collaborative-admin permission (collaboratives/tests)",
    "collaborative_edit": "needs an office or the permission (collaboratives/tests)",
    "seat_add": "needs an office or the permission (collaboratives/tests)",
    "seat_fill": "needs an office or the permission (collaboratives/tests)",
    "term_end": "needs an office or the permission (collaboratives/tests)",
    "gov_meeting": "public meeting page: confidential items only with a seat (test_meeting_pages)",
    "gov_item": "agenda item: a confidential one is 404 without a seat (test_meeting_pages)",
    "gov_meeting_new": "needs an office or the permission (collaboratives/tests)",
    "gov_meeting_edit": "needs an office or the permission (test_invitations.py)",
    "gov_meeting_cancel": "needs an office or the permission (test_invitations.py)",
    "agenda_suggest": "needs a seat (collaboratives/tests)",
    "agenda_accept": "needs an office or the permission (collaboratives/tests)",
    "roll_call": "needs an office or the permission (collaboratives/tests)",
    "motion_new": "needs an office or the permission (collaboratives/tests)",
    "motion_votes": "needs an office or the permission (collaboratives/tests)",
    "action_item_add": "needs an office or the permission (collaboratives/tests)",
    "action_item_status": "needs an office or the permission (test_action_item_pages.py)",
    "minutes_edit": "officers draft, attendees amend (collaboratives/tests/test_meetings.py)",
    "minutes_approve": "needs an office or the permission (collaboratives/tests)",
    "barrier_list": "public: county and words only (collaboratives/tests/test_barriers.py)",
    "barrier": "public: county, words, steps, suppressed counts (test_barriers.py)",
    "barrier_new": "needs a seat or the permission (collaboratives/tests)",
    "barrier_escalate": "needs a seat on the local body or the permission (test_barriers.py)",
    "barrier_decide": "needs an office on the State Collaborative (test_barriers.py)",
    "recommendation_tracker": "public tracker; drafts only with a seat (test_recommendations.py)",
    "recommendation_feed": "public Atom feed, drafts left out (test_recommendations.py)",
    "recommendation": "public; drafts only with a seat (test_recommendations.py)",
    "recommendation_new": "needs an office on the State Collaborative or the permission",
    "recommendation_move": "needs an office on the State Collaborative or the permission",
    "milestone_add": "needs an office on the State Collaborative or the permission",
    "milestone_done": "needs an office on the State Collaborative or the permission",
    "recommendation_update": "needs an office on the State Collaborative or the permission",
    "agency_response": "staff of an agency asked, or an officer (test_recommendations.py)",
    # Reporting (soc.reporting): suppressed counts only; 404 without a seat (reporting/tests).
    "requirement_list": "seat holders and collaborative admins (reporting/tests/test_inventory.py)",
    "requirement_new": "an office, a State Collaborative seat or the permission (test_inventory.py)",
    "reporting_duplication": "seat holders and collaborative admins (test_inventory.py)",
    "annual_report": "the body's seats, the State Collaborative, admins (test_annual_report.py)",
    "annual_report_download": "the body's seats, the State Collaborative, admins; audited",
    # Trainings (soc.trainings): no case data; registrants' details only for organizers (404).
    "training_list": "public upcoming trainings; members-only ones for members (trainings/tests/test_pages.py)",
    "training": "public training page, no registrants; members-only is 404 (trainings/tests/test_pages.py)",
    "training_register": "public registration: honeypot and rate limit (trainings/tests/test_pages.py)",
    "my_registration_cancel": "the signed-in person's own registration (trainings/tests/test_pages.py)",
    "registration_cancel": "signed link from the confirmation e-mail; forged is 404 (trainings/tests/test_pages.py)",
    "training_share": "public share of trainings led with families: no people (trainings/tests/test_pages.py)",
    "training_share_body": "public share of a body's trainings: no people (trainings/tests/test_pages.py)",
    "training_share_organization": "public share of a family organization's trainings (trainings/tests/test_pages.py)",
    "training_new_body": "needs an office on the body or the admin permission (trainings/tests/test_pages.py)",
    "training_new_organization": "staff of the family organization or the admin permission (trainings/tests/test_pages.py)",
    "training_edit": "organizers only, else 404 (trainings/tests/test_pages.py)",
    "training_cofacilitator": "organizers only, else 404 (trainings/tests/test_pages.py)",
    "training_cofacilitator_remove": "organizers only, else 404 (trainings/tests/test_pages.py)",
    "training_registrants": "organizers only, else 404; audited (trainings/tests/test_pages.py)",
    "training_attendance": "organizers only, else 404; audited (trainings/tests/test_pages.py)",
}
EXEMPT_PREFIXES = ("api/v1/", "accounts-admin/", "static/")

# name: (method, {insider relation: expected status}); outsiders always 404.
CASE_ROUTES = {
    "family": ("get", dict.fromkeys(INSIDERS, 200)),
    "family_edit": ("get", {"caregiver": 200, "youth": 403, "facilitator": 200, "member": 403}),
    "person_add": ("get", {"caregiver": 200, "youth": 403, "facilitator": 200, "member": 403}),
    "person_edit": ("get", {"caregiver": 200, "youth": 403, "facilitator": 200, "member": 403}),
    "who_looked": ("get", {"caregiver": 200, "youth": 200, "facilitator": 200, "member": 403}),
    "member_add": ("get", dict.fromkeys(INSIDERS, 200)),
    "member_approve": ("post", {"caregiver": 302, "youth": 403, "facilitator": 403, "member": 403}),
    "member_decline": ("post", {"caregiver": 302, "youth": 403, "facilitator": 403, "member": 403}),
    "member_withdraw": (
        "post",
        {"caregiver": 403, "youth": 403, "facilitator": 302, "member": 403},
    ),
    "member_approved": ("get", {"caregiver": 200, "youth": 403, "facilitator": 403, "member": 403}),
    "member_resend": ("post", {"caregiver": 302, "youth": 403, "facilitator": 302, "member": 403}),
    "member_letter": ("post", {"caregiver": 403, "youth": 403, "facilitator": 302, "member": 403}),
    "member_remove": ("get", {"caregiver": 200, "youth": 403, "facilitator": 403, "member": 200}),
    "member_required": ("get", {"caregiver": 403, "youth": 403, "facilitator": 200, "member": 200}),
    "member_reminders": (
        "get",
        {"caregiver": 200, "youth": 403, "facilitator": 403, "member": 200},
    ),
    "meeting_new": ("get", dict.fromkeys(INSIDERS, 200)),
    "meeting_held_new": (
        "get",
        {"caregiver": 403, "youth": 403, "facilitator": 200, "member": 403},
    ),
    # Everyone on the team may answer; a form without an answer comes back with a message.
    "meeting_answer": ("post", dict.fromkeys(INSIDERS, 302)),
    "meeting": ("get", dict.fromkeys(INSIDERS, 200)),
    "meeting_edit": ("get", {"caregiver": 403, "youth": 403, "facilitator": 200, "member": 403}),
    "meeting_cancel": ("get", {"caregiver": 403, "youth": 403, "facilitator": 200, "member": 403}),
    "meeting_record": ("get", {"caregiver": 403, "youth": 403, "facilitator": 200, "member": 403}),
    "meeting_ics": ("get", dict.fromkeys(INSIDERS, 200)),
    "meeting_pdf": ("get", dict.fromkeys(INSIDERS, 200)),
    "family_export": ("get", dict.fromkeys(INSIDERS, 200)),
    "next_step_add": ("post", {"caregiver": 403, "youth": 403, "facilitator": 302, "member": 403}),
    "next_step_update": (
        "post",
        {"caregiver": 403, "youth": 403, "facilitator": 302, "member": 302},
    ),
    "consents": ("get", dict.fromkeys(INSIDERS, 200)),
    "consent_new": ("get", {"caregiver": 200, "youth": 200, "facilitator": 200, "member": 403}),
    "consent": ("get", dict.fromkeys(INSIDERS, 200)),
    "consent_pdf": ("get", dict.fromkeys(INSIDERS, 200)),
    "consent_revoke": ("post", {"caregiver": 302, "youth": 403, "facilitator": 302, "member": 403}),
    # The plan (soc/plans): version 1 in effect, version 2 proposed (plans/tests/builders.py).
    "plan": ("get", dict.fromkeys(INSIDERS, 200)),
    "plan_start": ("post", dict.fromkeys(INSIDERS, 302)),
    "plan_history": ("get", dict.fromkeys(INSIDERS, 200)),
    "plan_settings": ("get", {"caregiver": 200, "youth": 403, "facilitator": 200, "member": 403}),
    "plan_goal": ("get", dict.fromkeys(INSIDERS, 200)),
    "plan_strategy_step": (
        "post",
        {"caregiver": 403, "youth": 403, "facilitator": 302, "member": 403},
    ),
    "plan_version": ("get", dict.fromkeys(INSIDERS, 200)),
    "plan_pdf": ("get", dict.fromkeys(INSIDERS, 200)),
    "plan_edit": ("get", dict.fromkeys(INSIDERS, 200)),
    "plan_crisis_edit": ("get", dict.fromkeys(INSIDERS, 200)),
    "plan_propose": ("post", {"caregiver": 403, "youth": 403, "facilitator": 302, "member": 403}),
    "plan_agree": ("get", {"caregiver": 200, "youth": 200, "facilitator": 403, "member": 403}),
    "plan_acknowledge": (
        "post",
        {"caregiver": 403, "youth": 403, "facilitator": 302, "member": 302},
    ),
    "plan_record_agreement": (
        "get",
        {"caregiver": 403, "youth": 403, "facilitator": 200, "member": 403},
    ),
    "plan_part_add": ("get", dict.fromkeys(INSIDERS, 200)),
    "plan_part_edit": ("get", dict.fromkeys(INSIDERS, 200)),
    "plan_part_remove": ("post", dict.fromkeys(INSIDERS, 302)),
    "plan_review": ("get", {"caregiver": 403, "youth": 403, "facilitator": 200, "member": 403}),
    # Referrals (soc/referrals): one sent to a parenting class; it waits for the provider, so
    # the family cannot answer yet (the answer page says so and returns: 302).
    "referral_new": ("get", dict.fromkeys(INSIDERS, 200)),
    "referral_share": ("get", dict.fromkeys(INSIDERS, 200)),
    "referral_no_fit": ("post", dict.fromkeys(INSIDERS, 302)),
    "referral": ("get", dict.fromkeys(INSIDERS, 200)),
    "referral_change": ("post", dict.fromkeys(INSIDERS, 302)),
    "referral_answer": (
        "post",
        {"caregiver": 302, "youth": 302, "facilitator": 403, "member": 403},
    ),
    # The provider's doors: only its staff (referrals/tests/test_pages.py); the team gets 404.
    "referral_received": ("get", dict.fromkeys(INSIDERS, 404)),
    "referral_received_change": ("post", dict.fromkeys(INSIDERS, 404)),
    # A barrier for the county's collaborative, from the team (soc/collaboratives).
    "barrier_raise": ("get", dict.fromkeys(INSIDERS, 200)),
    # Break-glass is only for staff with the permission who are NOT on the team.
    "emergency_open": ("get", dict.fromkeys(INSIDERS, 404)),
}


def _walk(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.name


def test_every_route_is_in_the_matrix_or_explained():
    unexplained = [
        (route, name)
        for route, name in _walk(get_resolver().url_patterns)
        if not route.startswith(EXEMPT_PREFIXES)
        and name not in CASE_ROUTES
        and name not in NOT_CASE_DATA
    ]
    assert unexplained == [], "Add these routes to the access matrix (CASE_ROUTES) or NOT_CASE_DATA"


def _url(name, cast):
    if name.startswith("plan"):
        add_plan(cast)
    if name.startswith("referral"):
        add_referral(cast)
    ids = {
        "family_id": cast.family.pk,
        "member_id": {
            "member_approve": cast.proposed_membership.pk,
            "member_decline": cast.proposed_membership.pk,
            "member_withdraw": cast.proposed_membership.pk,
            "member_required": cast.facilitator_membership.pk,
        }.get(name, cast.member_membership.pk),
        "meeting_id": cast.meeting.pk,
        "person_id": cast.child.pk,
        "step_id": cast.next_step.pk,
        "consent_id": cast.consent.pk,
    }
    if name.startswith("plan"):
        ids.update(
            version_id=cast.plan_v2.pk,
            goal_id=cast.goal_v1.pk,
            part_id=cast.goal_v2.pk if "part" in name else cast.strategy_v2.pk,
        )
    (pattern,) = [r for r, n in _walk(get_resolver().url_patterns) if n == name]
    if name.startswith("referral"):
        ids.update(referral_id=cast.referral.pk, service_id=cast.service.pk)
    kwargs = {k: v for k, v in ids.items() if f"<int:{k}>" in pattern or f"<uuid:{k}>" in pattern}
    if "<slug:kind>" in pattern:
        kwargs["kind"] = "goal"
    return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize("relation", EVERYONE)
@pytest.mark.parametrize("name", sorted(CASE_ROUTES))
def test_page_access(client, cast, name, relation):
    method, insiders = CASE_ROUTES[name]
    user = getattr(cast, relation)
    if user is not None:
        client.force_login(user)
    data = {"status": "done", "description": "x"} if method == "post" else None
    before = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
    response = getattr(client, method)(_url(name, cast), data)
    written = AuditEvent.objects.filter(id__gt=before)
    if relation == "anonymous":
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
    elif relation in OUTSIDERS or name == "emergency_open":
        assert response.status_code == 404
        assert cast.family.display_name not in response.content.decode()
        if name != "emergency_open":  # the refused attempt is recorded, outside the family's log
            assert written.filter(action="access.denied", actor=user, family_id=None).exists()
    else:
        assert response.status_code == insiders[relation]
        if response.status_code == 200:  # every page showing family data records the view
            assert written.filter(actor=user, family_id=cast.family.pk).exists()
