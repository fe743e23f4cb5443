"""Forms for barriers and recommendations."""

from django import forms
from django.utils.translation import gettext_lazy as _

from soc import uswds
from soc.accounts.models import County, Organization
from soc.uswds import DateInput

from .models import Barrier, Collaborative, Recommendation
from .models.recommendations import AgencyResponse


class RaiseBarrierForm(uswds.Form):
    description = forms.CharField(
        label=_("What is the barrier?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_(
            "For example: no Spanish-speaking therapist for teens in our county. "
            "Do not write names or anything that tells who the family is."
        ),
    )


class BarrierForm(uswds.Form):
    description = forms.CharField(
        label=_("The barrier, in plain words"), widget=forms.Textarea(attrs={"rows": 4})
    )
    county = forms.ModelChoiceField(label=_("County"), queryset=None, required=False)

    def __init__(self, *args, body, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["county"].queryset = body.counties.all() or County.objects.all()


class EscalateForm(uswds.Form):
    to = forms.ModelChoiceField(
        label=_("Send to"), queryset=Collaborative.objects.filter(parent=None)
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class DecideForm(uswds.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(s.value, s.label) for s in Barrier.DECISIONS],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))
    work_group = forms.ModelChoiceField(label=_("Work group"), queryset=None, required=False)
    merged_into = forms.ModelChoiceField(label=_("Merge with"), queryset=None, required=False)

    def __init__(self, *args, barrier, **kwargs):
        super().__init__(*args, **kwargs)
        state = barrier.escalated_to
        self.fields["work_group"].queryset = Collaborative.objects.filter(kind="work_group")
        self.fields["merged_into"].queryset = (
            Barrier.objects.filter(escalated_to=state).exclude(pk=barrier.pk)
            if state
            else Barrier.objects.none()
        )


class RecommendationForm(uswds.ModelForm):
    class Meta:
        model = Recommendation
        fields = ["title", "topic", "text", "rationale", "barriers", "agencies", "review_on"]
        widgets = {"review_on": DateInput(), "text": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, state, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["barriers"].queryset = Barrier.objects.filter(escalated_to=state)
        self.fields["agencies"].queryset = Organization.objects.all()


class MoveForm(uswds.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Recommendation.Status.choices)
    version = forms.IntegerField(widget=forms.HiddenInput(), required=False)


class ResponseForm(uswds.Form):
    organization = forms.ModelChoiceField(label=_("Agency"), queryset=None)
    answer = forms.ChoiceField(label=_("Answer"), choices=AgencyResponse.Answer.choices)
    reasons = forms.CharField(
        label=_("Reasons"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    commitments = forms.CharField(
        label=_("What the agency commits to"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, recommendation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = recommendation.agencies.all()


class MilestoneForm(uswds.Form):
    title = forms.CharField(label=_("Milestone"), max_length=200)
    due_on = forms.DateField(label=_("Due"), required=False, widget=DateInput())


class UpdateForm(uswds.Form):
    text = forms.CharField(label=_("Update"), widget=forms.Textarea(attrs={"rows": 3}))
    review_on = forms.DateField(label=_("Next review date"), required=False, widget=DateInput())
