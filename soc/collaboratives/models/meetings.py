"""A collaborative's meetings: agenda, roll call, motions and votes, action items, minutes."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .body import Collaborative
from .seats import Seat


class GovMeetingQuerySet(models.QuerySet):
    def upcoming(self):
        return self.filter(starts_at__gte=timezone.now()).order_by("starts_at")

    def past(self):
        return self.filter(starts_at__lt=timezone.now()).order_by("-starts_at")


DEFAULT_LENGTH = timedelta(hours=2)


class GovMeeting(models.Model):
    collaborative = models.ForeignKey(
        Collaborative, on_delete=models.CASCADE, related_name="meetings"
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    place = models.CharField(_("place or video link"), max_length=300, blank=True)
    called_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)
    # iCalendar SEQUENCE: one more each time the invitation changes (time, place, cancelled).
    sequence = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)

    objects = GovMeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("collaborative meeting")
        verbose_name_plural = _("collaborative meetings")

    def __str__(self):
        return f"{self.collaborative} · {timezone.localtime(self.starts_at):%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("gov_meeting", args=[self.collaborative.slug, self.pk])

    @property
    def day(self):
        return timezone.localdate(self.starts_at)

    @property
    def finishes_at(self):
        """When it ends: as set, or two hours after the start."""
        return self.ends_at or self.starts_at + DEFAULT_LENGTH

    @property
    def is_cancelled(self):
        return self.cancelled_at is not None

    def is_still_to_come(self):
        return not self.is_cancelled and self.finishes_at >= timezone.now()


def _hidden_under_confidential(rows):
    """{pk: (parent_id, is_confidential)} -> the pks confidential themselves or under a
    confidential item (a loop in the parents, which the actions never make, ends the walk)."""
    hidden = set()
    for pk in rows:
        item, seen = pk, set()
        while item in rows and item not in seen:
            parent, confidential = rows[item]
            if confidential or item in hidden:
                hidden.add(pk)
                break
            seen.add(item)
            item = parent
    return hidden


class AgendaItemQuerySet(models.QuerySet):
    def hidden_from_public(self):
        """The pks of these items that only those with a seat see (one query, however deep)."""
        meetings = self.values("meeting_id")
        rows = AgendaItem.objects.filter(meeting__in=meetings).values_list(
            "pk", "parent_id", "is_confidential"
        )
        return _hidden_under_confidential(
            {pk: (parent, confidential) for pk, parent, confidential in rows}
        )

    def public(self):
        """Items neither confidential nor under a confidential item."""
        return self.exclude(pk__in=self.hidden_from_public())


class AgendaItem(models.Model):
    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested")
        ON_AGENDA = "on_agenda", _("On the agenda")

    meeting = models.ForeignKey(GovMeeting, on_delete=models.CASCADE, related_name="items")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    title = models.CharField(_("item"), max_length=300)
    details = models.TextField(_("details"), blank=True)
    is_confidential = models.BooleanField(
        _("confidential (only for those with a seat)"), default=False
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SUGGESTED)
    suggested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept when suggested, so family partnership counts what the seat was at the time.
    suggested_by_family = models.BooleanField(default=False)
    position = models.PositiveIntegerField(default=0)

    objects = AgendaItemQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self):
        return self.title

    @property
    def is_hidden_from_public(self):
        """Confidential itself or under a confidential item."""
        item, seen = self, set()
        while item is not None and item.pk not in seen:
            if item.is_confidential:
                return True
            seen.add(item.pk)
            item = item.parent
        return False


class _OnePerSeat(models.Model):
    """One answer per seat: a seat's place in the roll call, a seat's vote on a motion."""

    answer_field = ""

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.seat}: {getattr(self, f'get_{self.answer_field}_display')()}"

    @staticmethod
    def one_per_seat(of, name):
        return [models.UniqueConstraint(fields=[of, "seat"], name=name)]


class Attendance(_OnePerSeat):
    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        ABSENT = "absent", _("Absent")
        EXCUSED = "excused", _("Excused")

    meeting = models.ForeignKey(GovMeeting, on_delete=models.CASCADE, related_name="roll")
    seat = models.ForeignKey(Seat, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(_("attendance"), max_length=10, choices=Status.choices)
    answer_field = "status"

    class Meta:
        constraints = _OnePerSeat.one_per_seat("meeting", "collab_one_roll_per_seat")


class MotionQuerySet(models.QuerySet):
    def public(self):
        """Motions on no item or on an item the public sees."""
        items = AgendaItem.objects.filter(meeting__in=self.values("meeting_id"))
        return self.exclude(item__in=items.hidden_from_public())


class Motion(models.Model):
    class Result(models.TextChoices):
        PENDING = "pending", _("Not voted yet")
        CARRIED = "carried", _("Carried")
        FAILED = "failed", _("Failed")

    meeting = models.ForeignKey(GovMeeting, on_delete=models.CASCADE, related_name="motions")
    item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="motions"
    )
    text = models.TextField(_("motion"))
    mover = models.ForeignKey(
        Seat, verbose_name=_("moved by"), on_delete=models.PROTECT, related_name="+"
    )
    seconder = models.ForeignKey(
        Seat,
        verbose_name=_("seconded by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    moved_by_family = models.BooleanField(default=False)
    result = models.CharField(max_length=10, choices=Result.choices, default=Result.PENDING)

    objects = MotionQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = _("motion")
        verbose_name_plural = _("motions")

    def __str__(self):
        return self.text[:80]

    @property
    def is_confidential(self):
        return self.item is not None and self.item.is_hidden_from_public


class Vote(_OnePerSeat):
    class Choice(models.TextChoices):
        YES = "yes", _("Yes")
        NO = "no", _("No")
        ABSTAIN = "abstain", _("Abstain")
        ABSENT = "absent", _("Absent")
        EXCUSED = "excused", _("Excused")

    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="votes")
    seat = models.ForeignKey(Seat, on_delete=models.PROTECT, related_name="+")
    choice = models.CharField(_("vote"), max_length=10, choices=Choice.choices)
    answer_field = "choice"

    class Meta:
        constraints = _OnePerSeat.one_per_seat("motion", "collab_one_vote_per_seat")


class ActionItem(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    meeting = models.ForeignKey(GovMeeting, on_delete=models.CASCADE, related_name="action_items")
    text = models.CharField(_("what"), max_length=300)
    owner = models.CharField(_("who"), max_length=150)
    # The owner's account, when they have one: reminders go to it, in its language.
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account of the person responsible"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="gov_action_items",
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    # Each reminder is claimed once by setting its date (soc.collaboratives.action_reminders).
    reminded_on = models.DateField(null=True, blank=True)
    overdue_noticed_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self):
        return self.text

    @property
    def is_open(self):
        return self.status == self.Status.OPEN

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.is_open and self.due_on is not None and self.due_on < today


class Minutes(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")

    meeting = models.OneToOneField(GovMeeting, on_delete=models.CASCADE, related_name="minutes")
    text = models.TextField(_("minutes"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField(default=1)
    approved_by = models.ForeignKey(
        Motion, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self):
        return str(self.meeting)

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED


class MinutesAmendment(models.Model):
    """Each change to draft minutes: who, when, and the text before it."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="amendments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text_before = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.minutes} · {self.created_at:%Y-%m-%d}"
