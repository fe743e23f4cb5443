"""Who hears of a referral's change, how, in which language, and that nothing tells the need."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from soc.referrals import actions
from soc.referrals.followups import follow_up
from soc.referrals.models import Referral, ReferralNotice
from soc.texting import backends

from .builders import add_referral

pytestmark = pytest.mark.django_db
# What the e-mails and texts must never say: the service, the need, the child, the family.
SECRETS = ("Crianza", "Cariño", "Parenting", "parenting", "Ana", "Leo", "Rivera", "Maria")


@pytest.fixture(autouse=True)
def _texts(settings):
    settings.SOC_TEXT_BACKEND = "soc.texting.backends.LocMemBackend"
    backends.outbox.clear()
    yield
    backends.outbox.clear()


def _to(mailoutbox, email):
    return [m for m in mailoutbox if m.to == [email]]


def test_the_caregiver_is_told_of_each_change_in_spanish_without_case_details(
    cast, mailoutbox, django_capture_on_commit_callbacks
):
    referral = add_referral(cast)
    with django_capture_on_commit_callbacks(execute=True):
        referral = actions.transition(referral, "accepted", cast.provider, expected_version=2)
        actions.transition(
            referral, "completed", cast.provider, note="8 classes", expected_version=3
        )
    mails = _to(mailoutbox, cast.caregiver_membership.email)
    assert len(mails) == 2
    for mail in mails:
        assert mail.subject == "Hay novedades sobre una referencia para su familia"
        assert referral.get_absolute_url() in mail.body
        for secret in SECRETS:
            assert secret not in mail.body and secret not in mail.subject
    assert ReferralNotice.objects.filter(user=cast.caregiver).count() == 3  # sent, too


def test_referral_news_is_never_texted_because_texts_were_agreed_for_meetings_only(
    cast, mailoutbox, django_capture_on_commit_callbacks
):
    member = cast.caregiver_membership
    member.text_number, member.text_opt_in_at = "+19195550123", timezone.now()
    member.save()
    referral = add_referral(cast)
    with django_capture_on_commit_callbacks(execute=True):
        actions.transition(referral, "accepted", cast.provider, expected_version=2)
    assert backends.outbox == []
    assert len(_to(mailoutbox, member.email)) == 1


def test_no_one_hears_of_their_own_change_and_stop_still_means_no_text(
    cast, mailoutbox, django_capture_on_commit_callbacks
):
    member = cast.caregiver_membership
    member.text_number, member.text_opt_in_at = "+19195550123", timezone.now()
    member.text_opt_out_at = timezone.now()
    member.save()
    referral = add_referral(cast)
    with django_capture_on_commit_callbacks(execute=True):
        actions.transition(referral, "cancelled", cast.facilitator, reason="declined")
    assert backends.outbox == []
    assert _to(mailoutbox, cast.facilitator.email) == []  # the maker made the change
    assert not ReferralNotice.objects.filter(user=cast.facilitator).exists()
    assert len(_to(mailoutbox, member.email)) == 1


def test_family_members_without_account_youth_and_other_members_are_not_told(
    cast, mailoutbox, django_capture_on_commit_callbacks
):
    referral = add_referral(cast)
    with django_capture_on_commit_callbacks(execute=True):
        actions.transition(referral, "accepted", cast.provider, expected_version=2)
    told = {address for mail in mailoutbox for address in mail.to}
    assert told == {cast.facilitator.email, cast.caregiver_membership.email}
    assert set(ReferralNotice.objects.values_list("user_id", flat=True)) == {
        cast.facilitator.pk,
        cast.caregiver.pk,
    }


def test_the_caregivers_page_marks_the_news_until_it_is_opened(client, cast):
    referral = add_referral(cast)
    actions.transition(referral, "accepted", cast.provider, expected_version=2)
    client.force_login(cast.caregiver)
    family_page = client.get(reverse("family", args=[cast.family.pk])).content.decode()
    assert "Nuevo" in family_page or "New" in family_page
    tag = re.compile(r'<span class="usa-tag bg-primary">(Nuevo|New)</span>')
    assert tag.search(family_page)
    client.get(referral.get_absolute_url())
    assert not ReferralNotice.objects.filter(user=cast.caregiver, seen_at=None).exists()
    family_page = client.get(reverse("family", args=[cast.family.pk])).content.decode()
    assert not tag.search(family_page)


def test_an_escalation_tells_the_maker_and_the_facilitators_once_and_not_the_family(
    cast, mailoutbox, django_capture_on_commit_callbacks
):
    referral = add_referral(cast)
    lead = cast.team.memberships.create(
        user=cast.same_org_staff,
        name="Sue Sameorg",
        email=cast.same_org_staff.email,
        role="facilitator",
        status="active",
    )
    monday = datetime.date(2026, 11, 30)
    sent = timezone.make_aware(datetime.datetime.combine(monday, datetime.time(12)))
    Referral.objects.filter(pk=referral.pk).update(sent_at=sent)
    with django_capture_on_commit_callbacks(execute=True):
        assert follow_up(monday + datetime.timedelta(days=20))["escalated"] == 1
        assert follow_up(monday + datetime.timedelta(days=21))["escalated"] == 0
    assert {a for m in mailoutbox for a in m.to} == {cast.facilitator.email, lead.email}
    (lead_mail,) = _to(mailoutbox, lead.email)
    assert "a team you lead" in lead_mail.body
    (maker_mail,) = _to(mailoutbox, cast.facilitator.email)
    assert "A referral you made" in maker_mail.body
    for mail in mailoutbox:
        for secret in SECRETS:
            assert secret not in mail.body
    kinds = ReferralNotice.objects.filter(kind="escalated")
    assert set(kinds.values_list("user_id", flat=True)) == {cast.facilitator.pk, lead.user_id}
