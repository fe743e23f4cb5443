from django import forms
from django.utils.translation import gettext_lazy as _

from soc import uswds
from soc.accounts.models import Organization
from soc.collaboratives.models import Collaborative
from soc.uswds import DateInput

from .models import DataItem, ReportingRequirement


class RequirementForm(uswds.ModelForm):
    class Meta:
        model = ReportingRequirement
        fields = [
            "title",
            "collaborative",
            "body_kind",
            "recipient_organization",
            "recipient",
            "frequency",
            "due_on",
            "due_rule",
            "data_items",
        ]
        widgets = {"due_on": DateInput(), "data_items": forms.CheckboxSelectMultiple()}
        help_texts = {"recipient": _("For example NC DPS Juvenile Justice, or NC DHHS DSS.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["collaborative"].queryset = Collaborative.objects.exclude(
            kind=Collaborative.Kind.STATE
        )
        self.fields["recipient_organization"].queryset = Organization.objects.order_by("name")
        self.fields["data_items"].queryset = DataItem.objects.all()
        self.fields["data_items"].label_from_instance = lambda item: item.label

    def _post_clean(self):
        # The action validates and writes; the form only parses.
        pass


class YearForm(uswds.Form):
    year = forms.IntegerField(label=_("Year the period starts in"), min_value=2000, max_value=2100)
