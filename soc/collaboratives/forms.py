from django import forms
from django.utils.translation import gettext_lazy as _

from soc import uswds
from soc.accounts.models import County
from soc.uswds import DateInput

from .models import Collaborative, Seat, SeatTerm


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
