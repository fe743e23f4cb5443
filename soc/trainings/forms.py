"""Forms for trainings: the organizer's, the public registration, the list's filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from soc.accounts.models import County, User
from soc.families.models import SpokenLanguage
from soc.robots import RobotTrap
from soc.uswds import UswdsFormMixin

from .models import Audience, CoFacilitator, LivedExperience, Registration, Training


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class TrainingForm(UswdsFormMixin, forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages offered"),
        choices=SpokenLanguage.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Training
        fields = [
            "title",
            "description",
            "starts_at",
            "ends_at",
            "county",
            "place",
            "online_link",
            "languages",
            "audience",
            "capacity",
            "is_public",
            "status",
        ]
        widgets = {"starts_at": DateTimeInput(), "ends_at": DateTimeInput()}
        help_texts = {
            "starts_at": _("Eastern time (Raleigh)."),
            "is_public": _("Anyone may register. Leave empty for members only."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["starts_at"].input_formats = ["%Y-%m-%dT%H:%M"]
        self.fields["ends_at"].input_formats = ["%Y-%m-%dT%H:%M"]
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        else:
            del self.fields["status"]

    def _post_clean(self):
        # The action validates the whole training (host, times, place); nothing is set here.
        pass


class CoFacilitatorForm(UswdsFormMixin, forms.ModelForm):
    account_email = forms.EmailField(
        label=_("Their account's e-mail"),
        required=False,
        help_text=_("Or leave empty and write their name."),
    )

    class Meta:
        model = CoFacilitator
        fields = ["name", "lived_experience"]
        labels = {"lived_experience": _("They bring lived experience as a")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lived_experience"].choices = LivedExperience.choices
        self.order_fields(["account_email", "name", "lived_experience"])

    def clean_account_email(self):
        email = self.cleaned_data["account_email"]
        if not email:
            return None
        user = User.objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("No account has this e-mail. Write their name instead."))
        return user

    def _post_clean(self):
        pass


class RegistrationForm(RobotTrap, UswdsFormMixin, forms.ModelForm):
    """The public form (with a trap for robots, soc/robots.py)."""

    class Meta:
        model = Registration
        fields = ["name", "email", "phone", "language", "needs_interpreter", "accommodation"]
        help_texts = {
            "email": _("We send your confirmation here."),
            "phone": _("If you have no e-mail."),
            "accommodation": _("For example: wheelchair access, child care, large print."),
        }
        widgets = {"accommodation": forms.Textarea(attrs={"rows": 2})}

    def registration_fields(self):
        data = dict(self.cleaned_data)
        data.pop("website", None)
        return data

    def _post_clean(self):
        pass


class QuickRegistrationForm(UswdsFormMixin, forms.Form):
    """One click for a signed-in person; what they need is optional."""

    needs_interpreter = forms.BooleanField(label=_("I need an interpreter"), required=False)
    accommodation = forms.CharField(
        label=_("Anything else you need to take part"), max_length=500, required=False
    )


class TrainingFilterForm(UswdsFormMixin, forms.Form):
    county = forms.ModelChoiceField(
        label=_("County"), queryset=County.objects.all(), required=False, empty_label=_("Any")
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("Any")), *SpokenLanguage.choices], required=False
    )
    audience = forms.ChoiceField(
        label=_("Who it is for"), choices=[("", _("Anyone")), *Audience.choices], required=False
    )
    body = forms.SlugField(required=False, widget=forms.HiddenInput)


class AttendanceForm(UswdsFormMixin, forms.Form):
    attended = forms.MultipleChoiceField(
        label=_("Who came"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, registrations=(), **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["attended"]
        field.choices = [(str(r.pk), r.name) for r in registrations]
        field.initial = [str(r.pk) for r in registrations if r.attended]

    def clean_attended(self):
        return [int(pk) for pk in self.cleaned_data["attended"]]
