from django import forms
from django.utils.translation import gettext_lazy as _

from soc import uswds


class RemindersForm(uswds.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    email_reminders = forms.BooleanField(
        label=_("Send reminders by e-mail"),
        required=False,
        help_text=_("The day before a meeting, and when a next step is due."),
    )
    number = forms.CharField(
        label=_("Mobile number for texts"),
        max_length=40,
        required=False,
        help_text=_("A US number with area code, like 919-555-0100."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    texts = forms.BooleanField(
        label=_("Yes, send text messages to this number"),
        required=False,
        widget=forms.CheckboxInput(attrs={"aria-describedby": "texts-consent"}),
    )
