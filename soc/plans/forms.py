"""The plan's forms: their fields come from the actions' lists (actions.PART_FIELDS, ...)."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from soc import uswds
from soc.teams.models import Membership
from soc.uswds import DateInput

from . import actions
from .models import (
    Agreement,
    CrisisLine,
    CrisisPlan,
    Goal,
    Need,
    PlanVersion,
    ProgressRating,
    Strategy,
    Strength,
)

TEXTAREA = {"rows": 3}


class _PartForm(uswds.ModelForm):
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, instance=None, **kwargs):
        super().__init__(*args, instance=instance, **kwargs)
        if instance is not None and instance.pk:
            self.fields["revision"].initial = instance.revision
        if "category" in self.fields:
            self.fields["category"].help_text = _(
                "Protected kinds (mental health, substance use, school records...) are seen only "
                "by the family, the writer and people the family's consent names."
            )

    def values(self):
        return {k: v for k, v in self.cleaned_data.items() if k != "revision"}


class StrengthForm(_PartForm):
    class Meta:
        model = Strength
        fields = actions.PART_FIELDS["strength"]
        widgets = {"about": forms.RadioSelect}


class NeedForm(_PartForm):
    class Meta:
        model = Need
        fields = actions.PART_FIELDS["need"]
        widgets = {"domain": forms.RadioSelect, "setting": forms.RadioSelect}


class GoalForm(_PartForm):
    class Meta:
        model = Goal
        fields = actions.PART_FIELDS["goal"]
        widgets = {
            "needs": forms.CheckboxSelectMultiple,
            "target_date": DateInput(),
        }

    def __init__(self, *args, needs=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["needs"].queryset = Need.objects.filter(pk__in=[n.pk for n in needs])
        self.fields["needs"].help_text = _("Which of the family's needs this goal answers.")


class StrategyForm(_PartForm):
    class Meta:
        model = Strategy
        fields = actions.PART_FIELDS["strategy"]
        widgets = {
            "kind": forms.RadioSelect,
            "start_date": DateInput(),
            "due_date": DateInput(),
        }

    def __init__(self, *args, goals=(), members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = Goal.objects.filter(pk__in=[g.pk for g in goals])
        self.fields["goal"].label_from_instance = lambda g: g.description
        responsible = self.fields["responsible"]
        responsible.queryset = responsible.queryset.filter(pk__in=[m.pk for m in members])
        self.fields["responsible"].help_text = _(
            "Anyone on the team, the family and natural supports included."
        )


PART_FORMS = {
    "strength": StrengthForm,
    "need": NeedForm,
    "goal": GoalForm,
    "strategy": StrategyForm,
}


class VersionForm(uswds.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = PlanVersion
        fields = actions.VERSION_FIELDS
        widgets = {
            "vision": forms.Textarea(attrs=TEXTAREA),
            "mission": forms.Textarea(attrs=TEXTAREA),
            "start_date": DateInput(),
            "review_date": DateInput(),
        }


class CrisisForm(uswds.ModelForm):
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = CrisisPlan
        fields = [*actions.CRISIS_FIELDS, "contacts", "lines", "category"]
        widgets = {
            **{name: forms.Textarea(attrs=TEXTAREA) for name in actions.CRISIS_FIELDS},
            "contacts": forms.CheckboxSelectMultiple,
            "lines": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, members=(), county_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["revision"].initial = self.instance.revision
        contacts = self.fields["contacts"]
        contacts.queryset = contacts.queryset.filter(pk__in=[m.pk for m in members])
        contacts.label_from_instance = lambda m: f"{m.name} · {m.phone}" if m.phone else m.name
        lines = self.fields["lines"]
        lines.queryset = CrisisLine.objects.for_county(county_id)
        lines.label_from_instance = lambda line: f"{line.name}: {line.phone}"


class _AnswerForm(uswds.Form):
    """Agree or not; what to change is asked only of who does not agree (the action checks it;
    with JavaScript the box stays hidden until "not yet" is chosen)."""

    reason_needed = _("Please tell the team what you do not agree with.")
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("What would you change?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs=TEXTAREA),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        reason = self.fields["reason"]
        reason.conditional_hint = _("needed if you do not agree yet")
        reason.shown_when = "answer=disagree"
        self.order_fields(["version", "member", "answer", "reason", "method", "typed_name"])

    def clean(self):
        data = super().clean()
        if data.get("answer") == "disagree" and not (data.get("reason") or "").strip():
            self.add_error("reason", self.reason_needed)
        if data.get("answer") != "disagree":
            data["reason"] = ""
        return data


class AgreeForm(_AnswerForm):
    answer = forms.ChoiceField(
        label=_("Do you agree with this plan?"),
        choices=[
            ("agree", _("Yes, I agree with this plan")),
            ("disagree", _("No, I do not agree yet")),
        ],
        widget=forms.RadioSelect,
    )
    typed_name = forms.CharField(
        label=_("Type your full name to sign"),
        max_length=150,
        help_text=_("Typing your name works like signing on paper."),
    )


class RecordAgreementForm(_AnswerForm):
    """The facilitator records an answer given in person, on paper or by phone."""

    reason_needed = _("Please write what they would change.")

    member = forms.ChoiceField(label=_("Who gave this answer?"), widget=forms.RadioSelect)
    answer = forms.ChoiceField(
        label=_("Their answer"),
        choices=[
            ("agree", _("They agree with this plan")),
            ("disagree", _("They do not agree yet")),
        ],
        widget=forms.RadioSelect,
    )
    method = forms.ChoiceField(
        label=_("How did they give it?"),
        choices=[(m.value, capfirst(m.label)) for m in Agreement.RECORDED_METHODS],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = {str(m.pk): m for m in members}
        self.fields["member"].choices = [(str(m.pk), m.name) for m in members]
        reason = self.fields["reason"]
        reason.label = _("What would they change?")
        reason.conditional_hint = _("needed if they do not agree yet")

    def clean_member(self):
        return self.members[self.cleaned_data["member"]]


class AcknowledgeForm(uswds.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class ProposeForm(uswds.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class RemoveForm(uswds.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput)


class RatingForm(uswds.ModelForm):
    """One goal's row on the review page (prefixed with the goal's id)."""

    class Meta:
        model = ProgressRating
        fields = actions.RATING_FIELDS
        widgets = {
            "family_rating": forms.NumberInput(
                attrs={"min": 0, "max": 10, "inputmode": "numeric", "class": "usa-input--small"}
            ),
            "team_rating": forms.NumberInput(
                attrs={"min": 0, "max": 10, "inputmode": "numeric", "class": "usa-input--small"}
            ),
            "what_helped": forms.Textarea(attrs={"rows": 2}),
            "barriers": forms.Textarea(attrs={"rows": 2}),
            "decision": forms.RadioSelect,
        }


class StepForm(uswds.Form):
    description = forms.CharField(label=_("What will be done"), max_length=500)
    responsible = forms.ModelChoiceField(label=_("Who will do it"), queryset=None)
    due_date = forms.DateField(label=_("By when"), widget=DateInput())

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = Membership.objects.filter(
            pk__in=[m.pk for m in members]
        )


class SettingsForm(uswds.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    youth_agreement_age = forms.IntegerField(
        label=_("Youth agree to the plan from age"), min_value=10, max_value=18
    )
