"""The referral forms: what to share (chosen with the family), a change of status, the family's answer."""

from django import forms
from django.utils.translation import gettext_lazy as _

from soc import uswds
from soc.consent.categories import DataCategory
from soc.directory.models import TaxonomyTerm

from .actions import SHARED_FIELDS
from .models import Referral, SharedDetails, UnmetNeed
from .states import Reason, Status


class FindServiceForm(uswds.Form):
    words = forms.CharField(
        required=False,
        max_length=200,
        label=_("What the family is looking for, in words"),
        help_text=_("For example: parenting class in Spanish. Leave empty to list every service."),
    )
    need = forms.ModelChoiceField(
        TaxonomyTerm.objects.exclude(parent=None),
        required=False,
        label=_("Kind of need"),
        empty_label=_("Any kind of need"),
    )
    county = forms.ModelChoiceField(
        None, required=False, label=_("County"), empty_label=_("Any county")
    )

    def __init__(self, *args, **kwargs):
        from soc.accounts.models import County

        super().__init__(*args, **kwargs)
        self.fields["county"].queryset = County.objects.all()


class ShareForm(uswds.ModelForm):
    """Filled in with the family: the provider sees these fields and nothing else."""

    referral_need = forms.CharField(
        label=_("The need, for the team's record"),
        max_length=500,
        widget=forms.Textarea({"rows": 2}),
    )
    category = forms.ChoiceField(
        label=_("Kind of information"), choices=DataCategory.choices, initial=DataCategory.GENERAL
    )
    family_agreed = forms.BooleanField(
        label=_("The family agreed to share exactly this with the provider")
    )
    send = forms.BooleanField(
        label=_("Send it now (otherwise it is kept as a draft the provider does not see)"),
        required=False,
        initial=True,
    )
    note = forms.CharField(
        label=_("A note for the provider (they will read it)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea({"rows": 2}),
    )

    class Meta:
        model = SharedDetails
        fields = SHARED_FIELDS
        widgets = {"contact_by": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A radio button labelled "---------" is not a way to reach anyone.
        self.fields["contact_by"].choices = SharedDetails.Contact.choices


class TransitionForm(uswds.Form):
    to = forms.ChoiceField(choices=Status.choices, widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.ChoiceField(
        label=_("Reason"), choices=[("", "—"), *Reason.choices], required=False
    )
    note = forms.CharField(
        label=_("Note"), required=False, max_length=2000, widget=forms.Textarea({"rows": 2})
    )


class AnswerForm(uswds.Form):
    answer = forms.ChoiceField(
        label=_("Did you get the help you needed?"),
        choices=Referral.Answer.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Anything you want to add (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea({"rows": 2}),
    )


class NoServiceFitsForm(uswds.Form):
    need = forms.ModelChoiceField(
        TaxonomyTerm.objects.exclude(parent=None),
        required=False,
        label=_("Kind of need"),
        empty_label=_("Not said"),
    )
    barrier = forms.ChoiceField(
        label=_("Why nothing fits"), choices=UnmetNeed.Barrier.choices, initial="no-service"
    )
