from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from soc.audit.models import AuditEvent
from soc.consent.doors import family_for, require
from soc.form_pages import submit

from . import actions, looks
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
    """'Who has looked at our information': every view, emergency access and disclosure."""
    from soc.consent.models import EmergencyAccess

    family = family_for(request, family_id, "see_who_looked", audit="audit.view")
    family_events = AuditEvent.objects.for_family(family.pk).order_by("-id")
    fields = ("at", "actor_name", "actor_organization", "action", "detail", "reason", "object_type")
    page = Paginator(family_events.views().only(*fields), 50).get_page(request.GET.get("page"))
    for event in page:
        event.what = looks.label(event.action)
    context = {
        "family": family,
        "page": page,
        "emergencies": list(
            EmergencyAccess.objects.filter(family=family).select_related("user__organization")[:20]
        ),
        "disclosures": list(family_events.filter(action="disclosure").only(*fields)[:100]),
    }
    return render(request, "families/who_looked.html", context)
