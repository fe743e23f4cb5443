"""The "Find help" search form and the form provider staff use to keep a service current."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from soc import uswds

from .models import Service, TaxonomyTerm
from .needs import NEEDS_TAXONOMY_ID


def _need_choices():
    spanish = (get_language() or "en").startswith("es")
    terms = TaxonomyTerm.objects.filter(taxonomy_detail_id=NEEDS_TAXONOMY_ID).order_by("code")
    named = sorted(
        ((t.code, (t.name_es if spanish and t.name_es else t.name)) for t in terms),
        key=lambda c: c[1],
    )
    return [("", _("Any kind of help")), *named]


class FindForm(uswds.Form):
    q = forms.CharField(
        label=_("What do you need help with?"),
        required=False,
        max_length=200,
        help_text=_("For example: parenting class, food, counseling."),
    )
    need = forms.ChoiceField(label=_("Kind of help"), required=False)
    near = forms.CharField(
        label=_("Your ZIP code or address"),
        required=False,
        max_length=200,
        help_text=_("We show the closest places first. We do not keep what you type."),
    )
    age = forms.IntegerField(
        label=_("Age of your child"), required=False, min_value=0, max_value=25
    )
    language = forms.ChoiceField(
        label=_("Language the service speaks"),
        required=False,
        choices=[("", _("Any language")), ("en", _("English")), ("es", _("Spanish"))],
    )
    free = forms.BooleanField(label=_("Free"), required=False)
    open_now = forms.BooleanField(label=_("Open now"), required=False)
    has_capacity = forms.BooleanField(label=_("Has room now"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["need"].choices = _need_choices()
        self.fields["q"].widget.attrs["autocomplete"] = "off"
        self.fields["near"].widget.attrs.update(autocomplete="postal-code")
        self.fields["age"].widget.attrs["inputmode"] = "numeric"


class CapacityForm(uswds.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    capacity_status = forms.ChoiceField(
        label=_("Can you take new people?"), choices=Service.CapacityStatus.choices, required=False
    )
    available = forms.FloatField(label=_("Open places"), required=False, min_value=0)
    maximum = forms.FloatField(label=_("Most places you have"), required=False, min_value=0)
    unit = forms.CharField(
        label=_("What you count"),
        required=False,
        max_length=60,
        help_text=_("For example: seats, beds, appointments this week."),
    )


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
