"""The referral forms: what to share (chosen with the family), a change of status, the family's answer."""

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from soc import uswds
from soc.consent.categories import DataCategory
from soc.directory.models import TaxonomyTerm
from soc.families.models import SpokenLanguage

from .actions import SHARED_FIELDS
from .models import Referral, SharedDetails, UnmetNeed
from .states import Reason, Status


class _ByLabel(ModelChoiceIterator):
    """The choices sorted by their label, read when the page is drawn (its language)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        choices = (self.choice(term) for term in self.queryset)
        yield from sorted(choices, key=lambda choice: str(choice[1]).casefold())


class NeedField(forms.ModelChoiceField):
    """A kind of need from the taxonomy, named and sorted in the reader's language."""

    iterator = _ByLabel

    def __init__(self, **kwargs):
        super().__init__(TaxonomyTerm.objects.exclude(parent=None), **kwargs)

    def label_from_instance(self, term):
        return term.label


class FindServiceForm(uswds.Form):
    words = forms.CharField(
        required=False,
        max_length=200,
        label=_("What the family is looking for, in words"),
        help_text=_("For example: parenting class in Spanish. Leave empty to list every service."),
    )
    need = NeedField(required=False, label=_("Kind of need"), empty_label=_("Any kind of need"))
    county = forms.ModelChoiceField(
        None, required=False, label=_("County"), empty_label=_("Any county")
    )

    def __init__(self, *args, **kwargs):
        from soc.accounts.models import County

        super().__init__(*args, **kwargs)
        self.fields["county"].queryset = County.objects.all()


class ShareForm(uswds.ModelForm):
    """Filled in with the family: the provider sees the kind of need and these fields, nothing
    else; the team's own words, the kind of information and the note are below them."""

    need_term = NeedField(
        required=False,
        label=_("Kind of need"),
        empty_label=_("Choose one"),
        help_text=_("The provider sees it in their language, and the family in theirs."),
    )
    referral_need = forms.CharField(
        label=_("More about the need, for your team only (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea({"rows": 2}),
        help_text=_("The provider does not see this."),
    )
    category = forms.ChoiceField(
        label=_("Kind of information"),
        choices=DataCategory.choices,
        initial=DataCategory.GENERAL,
        help_text=_(
            "General: everyone on the team sees it. Any other kind: only the team members the "
            "family agreed to share that kind of information with."
        ),
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
        labels = {"need": _("The need in the family's own words (optional)")}
        help_texts = {"need": _("The provider reads these words as they are written.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A radio button labelled "---------" is not a way to reach anyone.
        self.fields["contact_by"].choices = SharedDetails.Contact.choices
        self.fields["language"].choices = SpokenLanguage.choices
        self.fields["need_term"].conditional_hint = _("or say it in words below")

    # What the provider sees, in the order it reads; then what stays with the team.
    SHARED_ORDER = (
        "person_name",
        "child_name",
        "need_term",
        "need",
        "language",
        "interpreter_needed",
        "contact_by",
        "phone",
        "email",
        "best_times",
        "no_phone_calls",
        "no_voicemail",
        "other_preferences",
    )
    TEAM_ORDER = ("referral_need", "category")

    def shared_fields(self):
        return [self[name] for name in self.SHARED_ORDER]

    def team_fields(self):
        return [self[name] for name in self.TEAM_ORDER]

    def clean(self):
        data = super().clean()
        if not data.get("need_term") and not (data.get("need") or "").strip():
            self.add_error("need_term", _("Please choose the kind of need or say it in words."))
        return data


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
    need = NeedField(required=False, label=_("Kind of need"), empty_label=_("Not said"))
    barrier = forms.ChoiceField(
        label=_("Why nothing fits"), choices=UnmetNeed.Barrier.choices, initial="no-service"
    )
