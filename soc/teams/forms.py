from datetime import datetime, time

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from soc import uswds
from soc.accounts.forms import CreateAccountForm
from soc.accounts.models import Organization
from soc.consent.categories import DataCategory
from soc.families.models import SpokenLanguage
from soc.uswds import DateInput

from .models import Attendance, Meeting, MeetingAnswer, Membership, NextStep

MEMBER_ROLES = [
    (v, label) for v, label in Membership.Role.choices if v != Membership.Role.FACILITATOR
]


class MemberForm(uswds.Form):
    """Adding (caregiver) or suggesting (anyone else) a team member. No role is chosen for you:
    "caregiver" lets someone approve people and give consent, so it is a choice made on purpose."""

    name = forms.CharField(label=_("Name"), max_length=150)
    role = forms.ChoiceField(label=_("Role on the team"), choices=MEMBER_ROLES)
    support_kind = forms.ChoiceField(
        label=_("If a natural support: how do they know the family?"),
        choices=[("", _("Not a natural support")), *Membership.SupportKind.choices],
        required=False,
    )
    why = forms.CharField(
        label=_("Why would this person help the family?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The family reads this when they decide."),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_(
            "We send meeting invitations here. They can create an account if they want one."
        ),
    )
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    organization = forms.ModelChoiceField(
        label=_("Organization"),
        queryset=Organization.objects.all(),
        required=False,
        empty_label=_("None"),
    )
    language = forms.ChoiceField(label=_("Language"), choices=SpokenLanguage.choices)

    def __init__(self, *args, family_roles=(), family=None, proposing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [
            ("", _("Choose a role")),
            *(
                (value, label)
                for value, label in MEMBER_ROLES
                if value not in Membership.FAMILY_ROLES or value in family_roles
            ),
        ]
        if Membership.Role.CAREGIVER in family_roles:
            self.fields["role"].help_text = _(
                "Choose “Caregiver” only for a parent or guardian who raises the children: "
                "a caregiver can add and remove team members, approve people others suggest, "
                "and give consent to share the family's information. For a sister, a friend "
                "or a neighbor, choose “Natural support”."
            )
            self.fields["role"].widget.attrs["aria-describedby"] = "role-hint"
        if not proposing:
            del self.fields["why"]  # the family adds people it already knows
        if family is not None:
            self.fields["language"].initial = family.primary_language


class DecisionForm(uswds.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class JoinCodeForm(uswds.Form):
    code = forms.CharField(
        label=_("Your code"),
        max_length=20,
        help_text=_(
            "8 letters and numbers, from your letter. Capitals or not, it does not matter."
        ),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "characters",
                "spellcheck": "false",
            }
        ),
    )


class RequiredForm(uswds.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    required = forms.BooleanField(
        label=_("Our agency must keep this person on the team"), required=False
    )
    required_reason = forms.CharField(
        label=_("Why, in words the family will understand"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class MeetingForm(uswds.Form):
    """Date and times as separate fields: easier to fill in on a phone than one datetime box."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = forms.ChoiceField(label=_("Why is the team meeting?"), choices=Meeting.Reason.choices)
    reason_other = forms.CharField(label=_("Other reason"), max_length=200, required=False)
    date = forms.DateField(label=_("Date"), widget=DateInput())
    start_time = forms.TimeField(label=_("Start time"), widget=TimeInput())
    end_time = forms.TimeField(label=_("End time"), widget=TimeInput())
    place = forms.CharField(label=_("Place"), max_length=250, required=False)
    video_link = forms.URLField(label=_("Video link"), required=False, assume_scheme="https")
    agenda = forms.CharField(
        label=_("Agenda"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    interpreter_language = forms.ChoiceField(
        label=_("Ask for an interpreter"),
        choices=[("", _("No interpreter")), *SpokenLanguage.choices],
        required=False,
        help_text=_("The invitation and the meeting page say that an interpreter will come."),
    )

    def __init__(self, *args, family=None, **kwargs):
        super().__init__(*args, **kwargs)
        if family is not None and family.interpreter_needed:
            # The family's own need, where the organizer decides.
            language = family.get_primary_language_display()
            field = self.fields["interpreter_language"]
            field.help_text = _(
                "This family would like an interpreter for %(language)s. "
                "The invitation and the meeting page say that one will come."
            ) % {"language": language}
            if not self.is_bound and not self.initial.get("version"):
                self.initial.setdefault("interpreter_language", family.primary_language)

    @classmethod
    def initial_for(cls, meeting):
        starts, ends = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
        return {
            "version": meeting.version,
            "reason": meeting.reason,
            "reason_other": meeting.reason_other,
            "date": starts.date(),
            "start_time": starts.time(),
            "end_time": ends.time(),
            "place": meeting.place,
            "video_link": meeting.video_link,
            "agenda": meeting.agenda,
            "interpreter_language": meeting.interpreter_language,
        }

    def clean(self):
        data = super().clean()
        if not data.get("place") and not data.get("video_link"):
            self.add_error("place", _("Please give a place or a video link."))
        return data

    def meeting_fields(self):
        data = self.cleaned_data
        tz = timezone.get_current_timezone()
        starts = timezone.make_aware(
            datetime.combine(data["date"], data["start_time"] or time()), tz
        )
        ends = timezone.make_aware(datetime.combine(data["date"], data["end_time"] or time()), tz)
        return {
            "reason": data["reason"],
            "reason_other": data["reason_other"],
            "starts_at": starts,
            "ends_at": ends,
            "place": data["place"],
            "video_link": data["video_link"],
            "agenda": data.get("agenda", ""),
            "interpreter_language": data.get("interpreter_language", ""),
        }


class CancelForm(uswds.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    reason = forms.CharField(label=_("Reason (optional)"), required=False, max_length=500)


class NotesFields(forms.Form):
    """What was said and decided, and what kind of information that is."""

    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    decisions = forms.CharField(
        label=_("Decisions"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    category = forms.ChoiceField(
        label=_("What kind of information do the notes hold?"),
        choices=DataCategory.choices,
        initial=DataCategory.GENERAL,
        help_text=_(
            "Protected kinds are shown only to the family, the writer, "
            "and people the family agreed to share with."
        ),
    )


class AttendanceFields:
    """One attendance choice and one interpreter box per active member."""

    def add_attendance_fields(self, members, existing):
        self.members = members
        choices = [("", _("Not recorded")), *Attendance.Status.choices]
        for member in members:
            row = existing.get(member.pk)
            self.fields[f"attendance_{member.pk}"] = forms.ChoiceField(
                label=member.name,
                choices=choices,
                required=False,
                initial=row.status if row else "",
                widget=forms.Select(attrs={"class": "usa-select"}),
            )
            self.fields[f"interpreter_{member.pk}"] = forms.BooleanField(
                label=_("Used an interpreter"),
                required=False,
                initial=row.interpreter_used if row else False,
                widget=forms.CheckboxInput(attrs={"class": "usa-checkbox__input"}),
            )

    def attendance(self):
        rows = {}
        for member in self.members:
            status = self.cleaned_data.get(f"attendance_{member.pk}")
            if status:
                rows[member.pk] = (status, bool(self.cleaned_data.get(f"interpreter_{member.pk}")))
        return rows

    def member_rows(self):
        return [(m, self[f"attendance_{m.pk}"], self[f"interpreter_{m.pk}"]) for m in self.members]


class RecordForm(AttendanceFields, uswds.Form, NotesFields):
    """Notes, decisions and one attendance row per active member."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, members, existing, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_attendance_fields(members, existing)


class HeldMeetingForm(AttendanceFields, MeetingForm, NotesFields):
    """A meeting that already happened, recorded in one form: when, where, who came, notes."""

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("version", "agenda", "interpreter_language"):
            del self.fields[name]
        self.fields["reason"].label = _("Why did the team meet?")
        self.fields["date"].help_text = _("The day the meeting took place.")
        self.fields["date"].widget.attrs["aria-describedby"] = "date-hint"
        self.add_attendance_fields(members, {})

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise forms.ValidationError(
                _("This date is still to come. Please call the meeting instead.")
            )
        return day

    def record_fields(self):
        data = self.cleaned_data
        return {
            "notes": data["notes"],
            "decisions": data["decisions"],
            "category": data["category"],
            "attendance": self.attendance(),
        }


class AnswerForm(uswds.Form):
    """Coming, not coming or maybe, with a note for the team."""

    answer = forms.ChoiceField(
        label=_("Your answer"),
        choices=MeetingAnswer.Answer.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("A note for the team"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: I will be 10 minutes late."),
    )


class NextStepForm(uswds.Form):
    description = forms.CharField(label=_("What will be done"), max_length=500)
    responsible = forms.ModelChoiceField(
        label=_("Who will do it"), queryset=Membership.objects.none()
    )
    due_date = forms.DateField(label=_("By when"), widget=DateInput())

    category = forms.ChoiceField(
        label=_("What kind of information is this?"),
        choices=DataCategory.choices,
        initial=DataCategory.GENERAL,
    )

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = team.memberships.active()


class NextStepStatusForm(uswds.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=NextStep.Status.choices)


class LetterAccountForm(CreateAccountForm):
    """Creating an account from a letter: the family had no e-mail on file, so she gives one."""

    field_order = ["full_name", "email", "language", "password"]

    email = forms.EmailField(
        label=_("Your e-mail"),
        help_text=_("You will sign in with it, and the team will write to you there."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, email="", **kwargs)
        self.fields["email"].widget.attrs["aria-describedby"] = "email-hint"
        self.fields["email"].widget.attrs["class"] = "usa-input"

    def clean_email(self):
        from soc.accounts.models import User

        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _(
                    "An account already uses this e-mail. Sign in with it first, then type your code again."
                )
            )
        self.email = email  # the password must not look like it
        return email
