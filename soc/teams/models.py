"""Child and Family Teams: the people the family selects, their meetings and next steps."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from soc.accounts.models import Organization
from soc.consent import filters
from soc.consent.records import CaseRecord, CaseRecordQuerySet
from soc.families.models import Family, Person, SpokenLanguage
from soc.textsearch import FoldedTextQuerySet, KeepsFoldedText, folded_field


class Team(models.Model):
    family = models.OneToOneField(Family, on_delete=models.CASCADE, related_name="team")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("Child and Family Team")
        verbose_name_plural = _("Child and Family Teams")

    def __str__(self):
        return str(_("Team for %(family)s") % {"family": self.family})


class MembershipQuerySet(FoldedTextQuerySet, models.QuerySet):
    def active(self):
        return self.filter(status=Membership.Status.ACTIVE)

    def current(self):
        """Members and pending proposals: what the team page lists."""
        return self.filter(status__in=[Membership.Status.ACTIVE, Membership.Status.PROPOSED])

    def visible_to(self, user):
        return filters.visible_families(self, user, field="team__family_id")


class Membership(KeepsFoldedText, models.Model):
    FOLDED = {"name_folded": ("name",)}

    class Role(models.TextChoices):
        CAREGIVER = "caregiver", _("Caregiver")
        YOUTH = "youth", _("Youth")
        FAMILY_PARTNER = "family_partner", _("Family partner")
        FACILITATOR = "facilitator", _("Facilitator")
        AGENCY = "agency", _("Agency professional")
        PROVIDER = "provider", _("Provider")
        NATURAL_SUPPORT = "natural_support", _("Natural support")

    FAMILY_ROLES = (Role.CAREGIVER, Role.YOUTH)

    class SupportKind(models.TextChoices):
        RELATIVE = "relative", _("Relative")
        FRIEND = "friend", _("Friend")
        FAITH = "faith", _("Faith community member")
        COMMUNITY = "community", _("Community member")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Waiting for the family to approve")
        ACTIVE = "active", _("On the team")
        DECLINED = "declined", _("Not approved by the family")
        WITHDRAWN = "withdrawn", _("Proposal withdrawn")
        REMOVED = "removed", _("Removed from the team")

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role on the team"), max_length=20, choices=Role.choices)
    support_kind = models.CharField(
        _("kind of support"), max_length=20, choices=SupportKind.choices, blank=True
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PROPOSED
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="memberships"
    )
    # Contact details: a grandmother or a pastor may be on the team without an account.
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organization"),
    )
    language = models.CharField(
        _("language"), max_length=8, choices=SpokenLanguage.choices, default=SpokenLanguage.ENGLISH
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    why = models.TextField(_("why this person would help the family"), blank=True, max_length=2000)
    ended_reason = models.TextField(_("reason"), blank=True)
    required_by_agency = models.BooleanField(_("required by agency"), default=False)
    required_reason = models.TextField(
        _("why the agency must keep this person on the team"), blank=True
    )
    # Text messages (soc.messaging): a US mobile number in E.164 form and when the member said
    # yes or STOP. Opting in clears the opt-out; every change is also in the audit log.
    text_number = models.CharField(_("mobile number for text messages"), max_length=16, blank=True)
    text_opt_in_at = models.DateTimeField(null=True, blank=True)
    text_opt_out_at = models.DateTimeField(null=True, blank=True)
    email_reminders = models.BooleanField(_("reminders by e-mail"), default=True)
    version = models.PositiveIntegerField(default=1)

    name_folded = folded_field()

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["team_id", "role", "name", "id"]
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        constraints = [
            models.UniqueConstraint(
                fields=["team", "user"],
                condition=models.Q(status__in=["proposed", "active"], user__isnull=False),
                name="one_current_membership_per_user",
            ),
            models.UniqueConstraint(
                fields=["team", "email"],
                condition=models.Q(status__in=["proposed", "active"]) & ~models.Q(email=""),
                name="one_current_membership_per_email",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def family_id(self):
        return self.team.family_id

    @property
    def is_family(self):
        return self.role in self.FAMILY_ROLES

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE

    @property
    def is_proposed(self):
        return self.status == self.Status.PROPOSED

    @property
    def has_account(self):
        return self.user_id is not None

    @property
    def accepts_texts(self):
        return bool(self.text_number and self.text_opt_in_at and not self.text_opt_out_at)

    @property
    def wants_email_reminders(self):
        return bool(self.email and self.email_reminders)

    def can_be_removed_by_family(self):
        return self.is_active and not self.required_by_agency


class MeetingQuerySet(FoldedTextQuerySet, CaseRecordQuerySet):
    """A meeting's time and place are for the whole team; its notes and decisions are a case
    record of their category (`with_readability`, `visible_to`)."""

    def of_my_teams(self, user):
        return self.in_families_seen_by(user)

    def upcoming(self):
        return self.filter(ends_at__gte=timezone.now(), status=Meeting.Status.SCHEDULED).order_by(
            "starts_at"
        )

    def past(self):
        return self.filter(ends_at__lt=timezone.now()).order_by("-starts_at")


class Meeting(KeepsFoldedText, CaseRecord):
    FOLDED = {"agenda_folded": ("agenda",), "notes_folded": ("notes", "decisions")}

    class Reason(models.TextChoices):
        REGULAR_REVIEW = "regular_review", _("Regular review")
        CRISIS = "crisis", _("Crisis")
        PLACEMENT_CHANGE = "placement_change", _("Change in where a child lives")
        SCHOOL_CHANGE = "school_change", _("School change")
        TRANSITION = "transition", _("Transition")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="meetings")
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0)
    reason = models.CharField(
        _("reason"), max_length=20, choices=Reason.choices, default=Reason.REGULAR_REVIEW
    )
    reason_other = models.CharField(_("other reason"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=250, blank=True)
    video_link = models.URLField(_("video link"), blank=True)
    agenda = models.TextField(_("agenda"), blank=True, max_length=4000)
    interpreter_language = models.CharField(
        _("interpreter for"), max_length=8, choices=SpokenLanguage.choices, blank=True
    )
    called_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SCHEDULED)
    notes = models.TextField(_("notes"), blank=True, max_length=20000)
    decisions = models.TextField(_("decisions"), blank=True, max_length=10000)
    version = models.PositiveIntegerField(default=1)

    agenda_folded = folded_field()
    notes_folded = folded_field()

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "id"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self):
        return f"{self.get_reason_display()} {self.starts_at:%Y-%m-%d}"

    @property
    def has_notes(self):
        return bool(self.notes or self.decisions)

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def is_held(self):
        return self.status == self.Status.HELD

    @property
    def has_happened(self):
        return self.starts_at <= timezone.now()

    @property
    def is_over(self):
        return self.is_held or self.ends_at < timezone.now()

    def is_still_to_come(self):
        """Scheduled and not over: it can be changed, cancelled, answered, added to a calendar."""
        return self.status == self.Status.SCHEDULED and self.ends_at >= timezone.now()

    @property
    def state_label(self):
        """What the team page, meeting page, PDF and spreadsheet say of the meeting's state."""
        if self.status == self.Status.SCHEDULED and self.ends_at < timezone.now():
            return _("Over, not recorded yet")
        return self.get_status_display()

    @property
    def reason_label(self):
        if self.reason == self.Reason.OTHER and self.reason_other:
            return self.reason_other
        return self.get_reason_display()


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        ABSENT = "absent", _("Absent")
        EXCUSED = "excused", _("Excused")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    membership = models.ForeignKey(Membership, on_delete=models.PROTECT, related_name="attendance")
    status = models.CharField(_("attendance"), max_length=10, choices=Status.choices)
    interpreter_used = models.BooleanField(_("interpreter used"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "membership"], name="one_attendance_per_member"
            )
        ]
        ordering = ["meeting_id", "membership__name"]

    def __str__(self):
        return f"{self.membership_id}: {self.status}"


class NextStepQuerySet(FoldedTextQuerySet, CaseRecordQuerySet):
    def open(self):
        return self.filter(status=NextStep.Status.OPEN)

    def assigned_to(self, user):
        """Steps whose responsible member is this user, on a team they are still on
        (combine with `visible_to(user)`: being responsible does not by itself let one read)."""
        return self.filter(responsible__user=user, responsible__status=Membership.Status.ACTIVE)


class NextStep(KeepsFoldedText, CaseRecord):
    FOLDED = {"description_folded": ("description",)}

    class Status(models.TextChoices):
        OPEN = "open", _("To do")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("No longer needed")

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="next_steps")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="next_steps"
    )
    description = models.CharField(_("what will be done"), max_length=500)
    responsible = models.ForeignKey(
        Membership,
        on_delete=models.PROTECT,
        related_name="next_steps",
        verbose_name=_("who will do it"),
    )
    due_date = models.DateField(_("by when"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    description_folded = folded_field()

    objects = NextStepQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("next step")
        verbose_name_plural = _("next steps")

    def __str__(self):
        return f"Next step {self.pk}"  # the description may be protected

    @property
    def is_overdue(self):
        return self.status == self.Status.OPEN and self.due_date < timezone.localdate()


# Invitations live in their own module (see there); imported here so Django registers them.
from .invitation import Invitation  # noqa: E402, F401

# Kept in its own module so this one stays readable; imported here so Django finds it.
from .meeting_answers import MeetingAnswer  # noqa: E402, F401
