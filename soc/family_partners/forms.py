"""The public "Connect with a family partner" form, and the family partner's small forms."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from soc import uswds
from soc.accounts.models import County
from soc.robots import RobotTrap

from .models import ContactAttempt, FamilyRequest, Help, Way
from .routing import county_for_zip

_ZIP = re.compile(r"^\d{5}(-\d{4})?$")


class ConnectForm(RobotTrap, uswds.Form):
    name = forms.CharField(
        label=_("Your first name, or what we should call you"), max_length=80, required=False
    )
    ways = forms.MultipleChoiceField(
        label=_("How can a family partner reach you?"),
        choices=Way.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Choose one or more."),
    )
    phone = forms.CharField(label=_("Phone number"), max_length=40, required=False)
    email = forms.EmailField(label=_("E-mail address"), required=False)
    safe_to_leave_message = forms.TypedChoiceField(
        label=_("Is it safe to leave a message?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        widget=forms.RadioSelect,
        required=False,
        coerce=lambda v: v == "yes",
    )
    best_times = forms.CharField(
        label=_("Best days and times to reach you"),
        max_length=200,
        required=False,
        help_text=_("For example: weekdays after 5 pm."),
    )
    language = forms.ChoiceField(
        label=_("What language do you want to use?"),
        choices=FamilyRequest.Language.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    language_other = forms.CharField(label=_("Which language?"), max_length=60, required=False)
    interpreter = forms.BooleanField(label=_("I would like an interpreter"), required=False)
    county = forms.ModelChoiceField(
        label=_("Your county"),
        queryset=County.objects.all(),
        required=False,
        empty_label=_("Choose your county"),
    )
    zip_code = forms.CharField(
        label=_("Or your ZIP code"),
        max_length=10,
        required=False,
        help_text=_("If you do not know your county, we find it from your ZIP code."),
    )
    help_with = forms.MultipleChoiceField(
        label=_("What do you want help with?"),
        choices=Help.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Choose all that fit."),
    )
    in_their_words = forms.CharField(
        label=_("Tell us more in your own words"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
    )
    agreed_to_contact = forms.BooleanField(
        label=_("I agree that a family partner may contact me in the ways I chose."),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["phone"].widget.attrs.update(autocomplete="tel", inputmode="tel")
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["zip_code"].widget.attrs.update(autocomplete="postal-code", inputmode="numeric")

    def clean(self):
        data = super().clean()
        zip_code = (data.get("zip_code") or "").strip()
        if zip_code and not _ZIP.match(zip_code):
            self.add_error("zip_code", _("Please enter a 5-digit ZIP code, like 27601."))
        elif zip_code and data.get("county") is None:
            county = county_for_zip(zip_code)
            if county is None:
                self.add_error(
                    "zip_code",
                    _(
                        "We could not find this ZIP code in North Carolina. Please choose your county."
                    ),
                )
            data["county"] = county
        return data


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class ContactAttemptForm(uswds.Form):
    method = forms.ChoiceField(label=_("How did you try?"), choices=ContactAttempt.Method.choices)
    result = forms.ChoiceField(label=_("What happened?"), choices=ContactAttempt.Result.choices)
    at = forms.DateTimeField(
        label=_("When"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("Leave empty for now."),
    )
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000, required=False
    )


class CloseForm(uswds.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(
        label=_("How did it end?"), choices=FamilyRequest.Outcome.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000, required=False
    )


class ConsentForm(uswds.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    given_by = forms.CharField(label=_("Who in the family said yes?"), max_length=120)
    method = forms.ChoiceField(
        label=_("How did they say yes?"),
        choices=FamilyRequest.ConsentMethod.choices,
        widget=forms.RadioSelect,
    )
    given_at = forms.DateTimeField(
        label=_("When"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        help_text=_("Leave empty for now."),
    )


class FindFamilyForm(uswds.Form):
    display_name = forms.CharField(label=_("Family name"), max_length=200)
    birth_date = forms.DateField(label=_("A child's date of birth"), widget=uswds.DateInput())


class LinkForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    family = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
