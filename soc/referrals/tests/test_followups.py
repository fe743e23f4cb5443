import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from soc.audit.models import AuditEvent
from soc.referrals.followups import business_days_between, follow_up, waiting_state
from soc.referrals.models import Referral, ReferralNotice

from .builders import add_referral

pytestmark = pytest.mark.django_db
MONDAY = datetime.date(2026, 11, 30)


def test_business_days_skip_weekends():
    assert business_days_between(MONDAY, MONDAY) == 0
    assert business_days_between(MONDAY, MONDAY + datetime.timedelta(days=2)) == 2
    friday = MONDAY + datetime.timedelta(days=4)
    assert business_days_between(friday, friday + datetime.timedelta(days=3)) == 1
    assert business_days_between(MONDAY, MONDAY + datetime.timedelta(days=14)) == 10


def test_unanswered_referrals_are_flagged_then_escalated_once_without_case_details(
    cast, mailoutbox, django_capture_on_commit_callbacks
):
    referral = add_referral(cast)
    sent = timezone.make_aware(datetime.datetime.combine(MONDAY, datetime.time(12)))
    Referral.objects.filter(pk=referral.pk).update(sent_at=sent)
    referral.refresh_from_db()
    assert waiting_state(referral, MONDAY + datetime.timedelta(days=1)) == ""
    with django_capture_on_commit_callbacks(execute=True):
        assert follow_up(MONDAY + datetime.timedelta(days=2)) == {"overdue": 1, "escalated": 0}
        assert follow_up(MONDAY + datetime.timedelta(days=3)) == {"overdue": 0, "escalated": 0}
        assert follow_up(MONDAY + datetime.timedelta(days=18)) == {"overdue": 0, "escalated": 1}
    notices = ReferralNotice.objects.filter(user=cast.facilitator)
    kinds = list(notices.values_list("kind", flat=True).order_by("id"))
    assert kinds == ["overdue", "escalated"]
    assert len(mailoutbox) == 2
    for mail in mailoutbox:
        assert "Rivera" not in mail.body and "Parenting" not in mail.body
    assert AuditEvent.objects.filter(action="referral.escalated").count() == 1


def test_the_command_runs(cast, capsys):
    add_referral(cast)
    call_command("referral_followups")
    assert "Referrals flagged: 0; escalated: 0." in capsys.readouterr().out


def test_the_team_page_flags_a_referral_with_no_answer_after_2_business_days(client, cast):
    referral = add_referral(cast)
    two_days_ago = timezone.now() - datetime.timedelta(days=2)
    while business_days_between(timezone.localdate(two_days_ago), timezone.localdate()) < 2:
        two_days_ago -= datetime.timedelta(days=1)
    Referral.objects.filter(pk=referral.pk).update(sent_at=two_days_ago)
    client.force_login(cast.member)
    page = client.get(reverse("family", args=[cast.family.pk])).content.decode()
    assert "No answer yet" in page and "No answer in 14 business days" not in page
    Referral.objects.filter(pk=referral.pk).update(sent_at=timezone.now())
    page = client.get(reverse("family", args=[cast.family.pk])).content.decode()
    assert "No answer yet" not in page


def test_reopening_is_offered_by_what_it_does(cast):
    from soc.referrals import actions

    referral = add_referral(cast)
    referral = actions.transition(referral, "rejected", cast.provider, reason="cost")
    offered = dict(actions.offered_changes(cast.facilitator, referral))
    assert offered["requested"] == "Open it again and send it to the provider"
