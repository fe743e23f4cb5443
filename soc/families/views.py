from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from soc.audit.log import record
from soc.audit.models import AuditEvent
from soc.form_pages import submit

from . import actions
from . import who_looked as who_looked_page
from .access import family_for, require
from .forms import FamilyForm, PeopleFormSet, PersonForm
from .models import Family


@login_required
def family_new(request):
    """Open a family; a possible duplicate in the county is shown before anything is saved."""
    if not request.user.is_agency_staff:
        raise PermissionDenied
    duplicates = []
    if request.method == "POST":
        form = FamilyForm(request.POST)
        people = PeopleFormSet(request.POST, prefix="people")
        if form.is_valid() and people.is_valid():
            family_fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
            rows = [p.fields_for_action() for p in people.forms if p.cleaned_data]
            try:
                family = actions.open_family(
                    request.user,
                    family_fields=family_fields,
                    people=rows,
                    request=request,
                    confirmed_new=request.POST.get("confirmed_new") == "1",
                )
            except ValidationError as error:
                if getattr(error, "code", None) == "possible_duplicate":
                    duplicates = error.params["matches"]
                else:
                    _people_errors(form, people, error)
            else:
                messages.success(
                    request,
                    _("The family was opened and its team started. You are its facilitator."),
                )
                return redirect(family)
    else:
        form = FamilyForm()
        people = PeopleFormSet(prefix="people", initial=[{"role": "child"}, {"role": "caregiver"}])
    return render(
        request,
        "families/family_new.html",
        {"form": form, "people": people, "duplicates": duplicates},
    )


def _people_errors(form, people, error):
    for field, messages_ in error.message_dict.items():
        if field.startswith("people[") and "]." in field:
            index, name = field[len("people[") :].split("].", 1)
            target = people.forms[int(index)]
            target.add_error(name if name in target.fields else None, messages_)
        elif field in form.fields:
            form.add_error(field, messages_)
        else:
            form.add_error(None, messages_)


@login_required
@require_POST
def family_join(request, family_id):
    """'This is the same family': ask its family to add me; I see nothing until they say yes."""
    from soc.teams.actions import ask_to_join

    family = Family.objects.open().select_related("team").filter(pk=family_id).first()
    try:
        if family is None:
            raise PermissionDenied
        ask_to_join(request.user, family, request=request)
    except PermissionDenied as denied:
        record(
            request.user,
            "access.denied",
            ("families.family", str(family_id)),
            request=request,
            detail={"path": request.path[:200]},
        )
        raise Http404 from denied
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _(
                "We asked the family to add you to their team. You will see their information once they say yes."
            ),
        )
    return redirect("home")


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
