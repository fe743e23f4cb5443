from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from soc.audit.models import AuditEvent
from soc.consent.doors import family_for, require
from soc.form_pages import submit

from . import actions
from . import who_looked as who_looked_page
from .forms import FamilyForm, PersonForm
from .models import Family


@login_required
def family_edit(request, family_id):
    family = family_for(request, family_id, "edit_family")
    # A ModelForm writes into its instance while validating: give the action a fresh copy.
    form = FamilyForm(request.POST or None, instance=family, initial={"version": family.version})
    return submit(
        request,
        "families/family_form.html",
        {"family": family},
        form,
        lambda data: actions.update_family(
            request.user,
            Family.objects.get(pk=family.pk),
            version=data["version"],
            changes=form.changes(),
            request=request,
        ),
        success=_("Saved."),
        done=family,
    )


@login_required
def person_add(request, family_id):
    family = family_for(request, family_id, "edit_people")
    form = PersonForm(request.POST or None)
    return submit(
        request,
        "families/person_form.html",
        {"family": family},
        form,
        lambda data: actions.add_person(
            request.user, family, fields=form.fields_for_action(), request=request
        ),
        success=_("Saved."),
        done=family,
    )


@login_required
def person_edit(request, family_id, person_id):
    family = family_for(request, family_id)
    person = get_object_or_404(family.people, pk=person_id)
    require(request, family, "edit_people")
    form = PersonForm(request.POST or None, instance=person, initial={"version": person.version})
    return submit(
        request,
        "families/person_form.html",
        {"family": family, "person": person},
        form,
        lambda data: actions.update_person(
            request.user,
            family.people.get(pk=person.pk),
            version=data["version"],
            changes=form.fields_for_action(),
            request=request,
        ),
        success=_("Saved."),
        done=family,
    )


@login_required
def who_looked(request, family_id):
    """'Who has looked at our information': a summary per person, then every look, page by page.

    The family's own visits are left out unless asked for; emergency access and disclosures
    of protected records stand out at the top.
    """
    from soc.consent.models import EmergencyAccess

    family = family_for(request, family_id, "see_who_looked", audit="audit.view")
    include_family = request.GET.get("family") == "on"
    period = (
        request.GET.get("period") if request.GET.get("period") in who_looked_page.PERIODS else "all"
    )
    looks = who_looked_page.looks_at(family, include_family=include_family, period=period)
    people = who_looked_page.lookers(looks)
    form = who_looked_page.LookFilterForm(request.GET or None, people)
    person = form.value("person")
    if person is not None:
        looks = looks.filter(actor_id=person)
        people = [p for p in people if p.actor_id == person]
    fields = ("at", "actor_name", "actor_organization", "action", "detail")
    page = Paginator(looks.only(*fields), 25).get_page(request.GET.get("page"))
    for event in page:
        event.what = who_looked_page.label(event.action)
    filters = request.GET.copy()
    filters.pop("page", None)
    context = {
        "family": family,
        "form": form,
        "people": people,
        "page": page,
        "filters": filters.urlencode(),
        "filtered": person is not None or period != "all" or include_family,
        "include_family": include_family,
        "emergencies": list(
            EmergencyAccess.objects.filter(family=family).select_related("user__organization")[:20]
        ),
        "disclosures": list(
            AuditEvent.objects.for_family(family.pk)
            .disclosures()
            .order_by("-id")
            .only("at", "actor_name", "actor_organization", "detail", "reason")[:100]
        ),
    }
    return render(request, "families/who_looked.html", context)
