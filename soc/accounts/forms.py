from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from soc import uswds

from .models import Language


class SignInForm(uswds.UswdsFormMixin, AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _("That e-mail and password do not match. Please try again."),
        "inactive": _("This account is not active."),
    }


class LanguageForm(uswds.Form):
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)


class TokenForm(uswds.Form):
    label = forms.CharField(label=_("What is this token for?"), max_length=80)


class CreateAccountForm(uswds.Form):
    full_name = forms.CharField(label=_("Your name"), max_length=150)
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    password = forms.CharField(
        label=_("Choose a password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters. Not a common word or only numbers."),
    )

    def __init__(self, *args, email, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        from .models import User

        password_validation.validate_password(
            password, User(email=self.email, full_name=self.data.get("full_name", ""))
        )
        return password
