from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from soc import uswds
from soc.accounts.models import County
from soc.uswds import DateInput

from .actions import FAMILY_FIELDS, PERSON_FIELDS
from .models import Family, Person, Relation


class FamilyForm(uswds.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Family
        fields = FAMILY_FIELDS
        widgets = {
            "culture_notes": forms.Textarea(attrs={"rows": 3}),
            "what_matters": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["county"].queryset = County.objects.all()
        self.fields["county"].empty_label = _("Choose a county")

    def changes(self):
        return {f: self.cleaned_data[f] for f in self.Meta.fields}


class PersonForm(uswds.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Person
        fields = PERSON_FIELDS
        widgets = {"date_of_birth": DateInput()}
        help_texts = {"relation": _("For a caregiver: how they are related to the children.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["relation"].choices = [("", _("Not given")), *Relation.choices]

    def clean_date_of_birth(self):
        born = self.cleaned_data.get("date_of_birth")
        if born and born > timezone.localdate():
            raise forms.ValidationError(_("A date of birth cannot be in the future."))
        return born

    def fields_for_action(self):
        return {f: self.cleaned_data[f] for f in self.Meta.fields}


class BasePeopleFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        if not any(
            f.cleaned_data and f.cleaned_data.get("role") in Person.CHILD_ROLES for f in self.forms
        ):
            raise forms.ValidationError(_("Please add at least one child or youth."))


PeopleFormSet = forms.formset_factory(
    PersonForm, formset=BasePeopleFormSet, extra=3, max_num=12, validate_max=True
)
