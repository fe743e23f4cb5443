"""Families and their people: children, youth and caregivers, with language and culture."""

import re
from datetime import timedelta
from difflib import SequenceMatcher

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from soc.accounts.models import County
from soc.consent import filters, policy
from soc.textsearch import FoldedTextQuerySet, KeepsFoldedText, folded_field


class SpokenLanguage(models.TextChoices):
    ENGLISH = "en", _("English")
    SPANISH = "es", _("Spanish")
    VIETNAMESE = "vi", _("Vietnamese")
    ARABIC = "ar", _("Arabic")
    CHINESE = "zh", _("Chinese")
    HMONG = "hmn", _("Hmong")
    FRENCH = "fr", _("French")
    ASL = "ase", _("American Sign Language")
    OTHER = "other", _("Another language")


class Relation(models.TextChoices):
    """How a caregiver is related to the children, as a choice so it reads in every language."""

    MOTHER = "mother", _("Mother")
    FATHER = "father", _("Father")
    STEPMOTHER = "stepmother", _("Stepmother")
    STEPFATHER = "stepfather", _("Stepfather")
    GRANDMOTHER = "grandmother", _("Grandmother")
    GRANDFATHER = "grandfather", _("Grandfather")
    AUNT = "aunt", _("Aunt")
    UNCLE = "uncle", _("Uncle")
    SISTER = "sister", _("Sister")
    BROTHER = "brother", _("Brother")
    COUSIN = "cousin", _("Cousin")
    FOSTER_PARENT = "foster_parent", _("Foster parent")
    ADOPTIVE_PARENT = "adoptive_parent", _("Adoptive parent")
    OTHER = "other", _("Other (say in words)")


# "The Rivera family" and "La familia Rivera": the two ways intake suggests writing a name.
_FAMILY_NAME_PATTERN = re.compile(
    r"^\s*(?:the\s+(?P<en>\S.*?)\s+family|la\s+familia\s+(?P<es>\S.*?))\s*$", re.IGNORECASE
)


class FamilyQuerySet(FoldedTextQuerySet, models.QuerySet):
    def visible_to(self, user):
        return filters.visible_families(self, user)

    def open(self):
        return self.filter(closed_at__isnull=True)

    def possible_duplicates(self, county, display_name, birth_dates, *, days=31, similarity=0.75):
        """Families in the county with a similar name and a child born on or near one of the dates.

        Runs on all families of the county, visible or not: the caller may only learn that
        a match exists, never its contents (see families.actions.find_possible_duplicates).
        """
        birth_dates = [d for d in birth_dates if d]
        if not birth_dates:
            return []
        near = models.Q()
        for born in birth_dates:
            near |= models.Q(
                date_of_birth__range=(born - timedelta(days=days), born + timedelta(days=days))
            )
        candidates = (
            self.open()
            .filter(county=county, people__role__in=Person.CHILD_ROLES)
            .filter(models.Q(id__in=Person.objects.filter(near).values("family_id")))
            .distinct()
            .only("id", "display_name", "county_id")
        )
        wanted = _family_name_key(display_name)
        return [
            f
            for f in candidates
            if SequenceMatcher(None, wanted, _family_name_key(f.display_name)).ratio() >= similarity
        ]


def _family_name_key(name):
    words = [
        w
        for w in name.lower().replace("-", " ").split()
        if w not in {"the", "family", "familia", "la", "los"}
    ]
    return " ".join(words)


class Family(KeepsFoldedText, models.Model):
    FOLDED = {"name_folded": ("display_name",)}

    display_name = models.CharField(
        _("family name"),
        max_length=120,
        help_text=_("How the family wants to be called, for example “The Rivera family”."),
    )
    county = models.ForeignKey(
        County, on_delete=models.PROTECT, related_name="families", verbose_name=_("county")
    )
    primary_language = models.CharField(
        _("main language at home"),
        max_length=8,
        choices=SpokenLanguage.choices,
        default=SpokenLanguage.ENGLISH,
    )
    interpreter_needed = models.BooleanField(_("we would like an interpreter"), default=False)
    culture_notes = models.TextField(
        _("our culture and traditions, in our own words"), blank=True, max_length=4000
    )
    what_matters = models.TextField(_("what matters most to us"), blank=True, max_length=4000)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("opened by"),
    )
    opened_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    close_reason = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=1)

    name_folded = folded_field()

    objects = FamilyQuerySet.as_manager()

    class Meta:
        ordering = ["display_name", "id"]
        verbose_name = _("family")
        verbose_name_plural = _("families")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("family", args=[self.pk])

    @property
    def surname(self):
        """The X of "The X family" / "La familia X", or "" when the name is written otherwise."""
        match = _FAMILY_NAME_PATTERN.match(self.display_name or "")
        return (match["en"] or match["es"]).strip() if match else ""

    @property
    def name(self):
        """The family's name in the reader's language: "The Rivera family" reads "La familia
        Rivera" in Spanish. A name written another way ("Rivera-Lopez household") is the
        family's own words and is shown as written."""
        if self.surname:
            return _("The %(surname)s family") % {"surname": self.surname}
        return self.display_name

    @property
    def family_id(self):
        return self.pk

    def can(self, user, action):
        return policy.can(user, action, self)


class PersonQuerySet(FoldedTextQuerySet, models.QuerySet):
    def visible_to(self, user):
        return filters.visible_families(self, user, field="family_id")

    def children(self):
        return self.filter(role__in=Person.CHILD_ROLES)


class Person(KeepsFoldedText, models.Model):
    class Role(models.TextChoices):
        CHILD = "child", _("Child")
        YOUTH = "youth", _("Youth")
        CAREGIVER = "caregiver", _("Caregiver")

    CHILD_ROLES = (Role.CHILD, Role.YOUTH)
    FOLDED = {"name_folded": ("first_name", "last_name")}

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="people")
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    first_name = models.CharField(_("first name"), max_length=80)
    last_name = models.CharField(_("last name"), max_length=80, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    school = models.CharField(_("school"), max_length=150, blank=True)
    grade = models.CharField(_("grade"), max_length=20, blank=True)
    relation = models.CharField(
        _("relation to the children"), max_length=20, choices=Relation.choices, blank=True
    )
    relation_other = models.CharField(
        _("relation, in your own words"),
        max_length=60,
        blank=True,
        help_text=_("Only if you chose “Other”: for example godmother or family friend."),
    )
    is_legal_guardian = models.BooleanField(_("legal guardian"), default=False)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=SpokenLanguage.choices,
        default=SpokenLanguage.ENGLISH,
    )
    pronouns = models.CharField(_("pronouns"), max_length=40, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="family_roles",
    )
    created_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(default=1)

    name_folded = folded_field()

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["family_id", "role", "first_name", "id"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def relation_label(self):
        """Mother, grandmother… in the reader's language; "other" in the family's own words."""
        if self.relation == Relation.OTHER:
            return self.relation_other or self.get_relation_display()
        return self.get_relation_display() if self.relation else ""

    @property
    def is_child(self):
        return self.role in self.CHILD_ROLES

    def age(self, today=None):
        if not self.date_of_birth:
            return None
        today = today or timezone.localdate()
        born = self.date_of_birth
        return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
