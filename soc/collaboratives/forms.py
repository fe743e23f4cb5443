from django import forms
from django.utils.translation import gettext_lazy as _

from soc import uswds
from soc.accounts.models import County
from soc.uswds import DateInput

from .models import Attendance, Collaborative, Seat, SeatTerm, Vote


class CollaborativeForm(uswds.ModelForm):
    counties = forms.ModelMultipleChoiceField(
        label=_("Counties covered"), queryset=County.objects.all(), required=False
    )

    class Meta:
        model = Collaborative
        fields = [
            "name",
            "slug",
            "kind",
            "parent",
            "counties",
            "purpose",
            "meets",
            "needs_family_co_chair",
            "family_voting_share",
            "quorum_needs_family",
        ]
        widgets = {"purpose": forms.Textarea(attrs={"rows": 4})}


class SeatForm(uswds.ModelForm):
    class Meta:
        model = Seat
        fields = ["seat_type", "label", "is_reserved", "is_voting"]


class TermForm(uswds.ModelForm):
    class Meta:
        model = SeatTerm
        fields = ["user", "name", "organization", "office", "starts_on", "ends_on"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}
        help_texts = {"name": _("If the person has no account here.")}


class EndTermForm(uswds.Form):
    ends_on = forms.DateField(label=_("Last day in the seat"), widget=DateInput())


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


def _when(label, required=True):
    return forms.DateTimeField(
        label=label,
        required=required,
        widget=LocalDateTimeInput(),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )


class GovMeetingForm(uswds.Form):
    starts_at = _when(_("Date and time"))
    ends_at = _when(_("Ends (leave empty for two hours)"), required=False)
    place = forms.CharField(label=_("Place or video link"), max_length=300, required=False)


class ChangeGovMeetingForm(GovMeetingForm):
    version = forms.IntegerField(widget=forms.HiddenInput())


class CancelGovMeetingForm(uswds.Form):
    version = forms.IntegerField(widget=forms.HiddenInput())


class AgendaItemForm(uswds.Form):
    title = forms.CharField(label=_("Item"), max_length=300)
    details = forms.CharField(
        label=_("Details"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    parent = forms.ModelChoiceField(
        label=_("Under the item"), queryset=None, required=False, empty_label=_("None: a main item")
    )
    is_confidential = forms.BooleanField(
        label=_("Confidential: only people with a seat see it"), required=False
    )

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = items


def _seat_label(seat, term):
    return f"{seat.get_seat_type_display()}: {term.holder_name}"


class RollCallForm(uswds.Form):
    def __init__(self, *args, holders, roll, **kwargs):
        super().__init__(*args, **kwargs)
        self.seats = {}
        for seat, term in holders:
            if term is None:
                continue
            name = f"seat_{seat.pk}"
            self.seats[name] = seat
            self.fields[name] = forms.ChoiceField(
                label=_seat_label(seat, term),
                choices=Attendance.Status.choices,
                initial=roll.get(seat.pk, Attendance.Status.ABSENT),
            )

    def attendance(self):
        return {seat: self.cleaned_data[name] for name, seat in self.seats.items()}


class MotionForm(uswds.Form):
    text = forms.CharField(label=_("Motion"), widget=forms.Textarea(attrs={"rows": 3}))
    mover = forms.ChoiceField(label=_("Moved by"))
    seconder = forms.ChoiceField(label=_("Seconded by"), required=False)
    item = forms.ModelChoiceField(
        label=_("Agenda item"), queryset=None, required=False, empty_label=_("None")
    )

    def __init__(self, *args, items, holders, **kwargs):
        super().__init__(*args, **kwargs)
        voters = [(s, t) for s, t in holders if t is not None and s.is_voting]
        self.by_pk = {str(s.pk): s for s, _t in voters}
        choices = [(str(s.pk), _seat_label(s, t)) for s, t in voters]
        self.fields["mover"].choices = choices
        self.fields["seconder"].choices = [("", _("No one")), *choices]
        self.fields["item"].queryset = items

    def action_fields(self):
        data = self.cleaned_data
        return {
            "text": data["text"],
            "mover": self.by_pk[data["mover"]],
            "seconder": self.by_pk.get(data["seconder"]),
            "item": data["item"],
        }


class VotesForm(uswds.Form):
    def __init__(self, *args, holders, **kwargs):
        super().__init__(*args, **kwargs)
        self.seats = {}
        for seat, term in holders:
            if term is None or not seat.is_voting:
                continue
            name = f"seat_{seat.pk}"
            self.seats[name] = seat
            self.fields[name] = forms.ChoiceField(
                label=_seat_label(seat, term), choices=Vote.Choice.choices
            )

    def votes(self):
        return {seat: self.cleaned_data[name] for name, seat in self.seats.items()}


class ActionItemForm(uswds.Form):
    text = forms.CharField(label=_("What"), max_length=300)
    owner = forms.CharField(label=_("Who"), max_length=150)
    owner_user = forms.ChoiceField(
        label=_("Send reminders to"),
        required=False,
        help_text=_("A member with an account gets an e-mail before the due date."),
    )
    due_on = forms.DateField(label=_("Due"), required=False, widget=DateInput())

    def __init__(self, *args, holders, **kwargs):
        super().__init__(*args, **kwargs)
        self.users = {str(t.user.pk): t.user for _s, t in holders if t and t.user_id}
        self.fields["owner_user"].choices = [
            ("", _("No one")),
            *sorted(((pk, u.full_name) for pk, u in self.users.items()), key=lambda c: c[1]),
        ]

    def action_fields(self):
        return {**self.cleaned_data, "owner_user": self.users.get(self.cleaned_data["owner_user"])}


class MinutesForm(uswds.Form):
    text = forms.CharField(label=_("Minutes"), widget=forms.Textarea(attrs={"rows": 12}))
    version = forms.IntegerField(widget=forms.HiddenInput(), required=False)


class ApproveMinutesForm(uswds.Form):
    motion = forms.ModelChoiceField(label=_("Motion that approved them"), queryset=None)

    def __init__(self, *args, motions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["motion"].queryset = motions
