from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from soc import uswds
from soc.accounts.models import Organization, User
from soc.uswds import DateInput

from .categories import DataCategory
from .models import Consent

# The form says in plain words what each kind is and which law protects it; the short labels
# ("Education (FERPA)") stay for lists and the PDF.
PLAIN_CATEGORIES = [
    (DataCategory.MENTAL_HEALTH, _("Mental health: counseling, therapy, diagnoses")),
    (
        DataCategory.SUBSTANCE_USE,
        _(
            "Substance use: treatment for alcohol or drugs. A federal law "
            "(42 CFR Part 2) gives these records extra protection."
        ),
    ),
    (
        DataCategory.EDUCATION,
        _("Education: school records. A federal law for schools (FERPA) protects them."),
    ),
    (DataCategory.CHILD_WELFARE, _("Child welfare: child protective services and foster care")),
    (DataCategory.JUVENILE_JUSTICE, _("Juvenile justice: court and youth justice records")),
    (DataCategory.HEALTH, _("Health: doctor visits, medicines, hospital care")),
]
PLAIN_PURPOSES = [
    (
        Consent.Purpose.CARE_COORDINATION,
        _("Coordinating care: so the team can plan and work together"),
    ),
    (Consent.Purpose.TREATMENT, _("Treatment: so a doctor or counselor can help")),
    (
        Consent.Purpose.PAYMENT,
        _("Payment: so services can be paid for, for example by Medicaid or insurance"),
    ),
    (Consent.Purpose.OTHER, _("Other (say what in the box below)")),
]


class ConsentForm(uswds.ModelForm):
    categories = forms.MultipleChoiceField(
        label=_("Which kinds of information?"),
        choices=PLAIN_CATEGORIES,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Consent
        fields = [
            "granted_by",
            "discloser",
            "recipient_kind",
            "recipient_user",
            "recipient_organization",
            "categories",
            "purpose",
            "purpose_other",
            "starts_on",
            "expires_on",
            "right_to_revoke_explained",
            "signed_name",
            "signed_on",
            "signature_method",
        ]
        widgets = {
            "starts_on": DateInput(),
            "expires_on": DateInput(),
            "signed_on": DateInput(),
            "recipient_kind": forms.RadioSelect,
            "purpose": forms.RadioSelect,
        }
        labels = {
            "recipient_user": _("The person"),
            "recipient_organization": _("The organization"),
        }

    def __init__(self, *args, family, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["granted_by"].queryset = family.people.filter(role__in=["caregiver", "youth"])
        # Non-family members of this team (their roles on other teams do not matter here).
        others = family.team.memberships.active().exclude(role__in=["caregiver", "youth"])
        self.fields["recipient_user"].queryset = User.objects.filter(
            id__in=others.filter(user__isnull=False).values("user_id")
        )
        self.fields["recipient_kind"].choices = Consent.Recipient.choices  # no empty radio
        self.fields["purpose"].choices = PLAIN_PURPOSES
        self.fields["recipient_user"].required = False
        # Needed for one kind of recipient: "(optional)" would mislead (see includes/field.html).
        self.fields["recipient_user"].conditional_hint = _("needed when sharing with a person")
        self.fields["recipient_organization"].queryset = Organization.objects.all()
        self.fields["recipient_organization"].required = False
        self.fields["recipient_organization"].conditional_hint = _(
            "needed when sharing with an organization"
        )
        self.fields["starts_on"].initial = timezone.localdate()
        self.fields["signed_on"].initial = timezone.localdate()
        self.fields["expires_on"].required = True

    def fields_for_action(self):
        return {f: self.cleaned_data.get(f) for f in self.Meta.fields}


class EmergencyForm(uswds.Form):
    KINDS = [
        (
            "medical",
            _(
                "A medical emergency: someone in the family needs medical care now, and there is "
                "no time to ask for their consent. This also opens substance use treatment records."
            ),
        ),
        (
            "other",
            _(
                "Another emergency, for example a child's safety. Substance use treatment records "
                "stay closed."
            ),
        ),
    ]

    kind = forms.ChoiceField(
        label=_("What kind of emergency is it?"), choices=KINDS, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("What is the emergency?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The family and the team's facilitator will read this."),
        max_length=2000,
    )

    def fields_for_action(self):
        return {
            "reason": self.cleaned_data["reason"],
            "medical": self.cleaned_data["kind"] == "medical",
        }
