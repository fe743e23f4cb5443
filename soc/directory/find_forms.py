"""The "Find help" search form and the form provider staff use to keep a service current."""

from django import forms
from django.utils.translation import gettext_lazy as _

from soc import uswds
from soc.accounts.models import County

from .models import Language, Service, TaxonomyTerm
from .needs import NEEDS_TAXONOMY_ID


def _need_choices():
    terms = TaxonomyTerm.objects.filter(taxonomy_detail_id=NEEDS_TAXONOMY_ID).order_by("code")
    named = sorted(((t.code, t.label) for t in terms), key=lambda c: c[1])
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


class ServiceDetailsForm(uswds.Form):
    """What families read about a service; provider staff keep it right (rules.can_edit)."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    name = forms.CharField(label=_("Name of the service"), max_length=200)
    status = forms.ChoiceField(
        label=_("Is it taking people?"),
        choices=Service.Status.choices,
        help_text=_("Inactive and defunct services are hidden from Find help and referrals."),
    )
    description = forms.CharField(
        label=_("What it offers"), required=False, max_length=4000, widget=forms.Textarea
    )
    eligibility_description = forms.CharField(
        label=_("Who can use it"), required=False, max_length=2000, widget=forms.Textarea
    )
    minimum_age = forms.IntegerField(label=_("Youngest age served"), required=False, min_value=0)
    maximum_age = forms.IntegerField(
        label=_("Oldest age served"), required=False, min_value=0, max_value=120
    )
    application_process = forms.CharField(
        label=_("How to start"), required=False, max_length=2000, widget=forms.Textarea
    )
    fees_description = forms.CharField(
        label=_("What it costs"),
        required=False,
        max_length=1000,
        help_text=_("Say “Free” if there is no cost."),
    )
    wait_time = forms.CharField(label=_("Usual wait"), required=False, max_length=200)
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken by staff"),
        choices=Language.OFFERED,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    interpretation_services = forms.CharField(
        label=_("Interpreters"),
        required=False,
        max_length=500,
        help_text=_("For example: phone interpreters for any language, at no cost."),
    )
    counties = forms.ModelMultipleChoiceField(
        label=_("Counties served"),
        queryset=None,
        required=False,
        help_text=_("Hold Ctrl (or Command) to choose more than one."),
    )
    url = forms.URLField(label=_("Web page"), required=False, assume_scheme="https")
    email = forms.EmailField(label=_("E-mail"), required=False)
    alert = forms.CharField(
        label=_("Notice for families"),
        required=False,
        max_length=500,
        help_text=_("For example: closed for the holidays until January 3."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["counties"].queryset = County.objects.order_by("name")
        self.fields["counties"].widget.attrs["size"] = 8
        for name in ("minimum_age", "maximum_age"):
            self.fields[name].widget.attrs["inputmode"] = "numeric"
