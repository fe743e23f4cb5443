"""Opening a family (which starts its team) and asking to join a family shown as a duplicate."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from soc.audit.log import record
from soc.consent import policy
from soc.consent.doors import family_for
from soc.families.forms import FamilyForm, PeopleFormSet, PersonForm
from soc.families.models import Family
from soc.form_pages import submit

from .. import actions


@login_required
def family_new(request):
    """Open a family; a possible duplicate in the county is shown before anything is saved."""
    if not policy.can(request.user, "open_family", None):
        raise PermissionDenied
    return intake_page(
        request,
        lambda **fields: actions.open_family(request.user, request=request, **fields),
        success=_("The family was opened and its team started. You are its facilitator."),
    )


def intake_page(request, open_with, *, success, context=None):
    """The intake form: on a valid POST, `open_with(family_fields=, people=, confirmed_new=)`
    opens the family (the plain intake, or a family partner's from a family's request)."""
    duplicates = []
    if request.method == "POST":
        form = FamilyForm(request.POST)
        people = PeopleFormSet(request.POST, prefix="people")
        if form.is_valid() and people.is_valid():
            family_fields = {k: v for k, v in form.cleaned_data.items() if k != "version"}
            rows = [p.fields_for_action() for p in people.forms if p.cleaned_data]
            try:
                family = open_with(
                    family_fields=family_fields,
                    people=rows,
                    confirmed_new=request.POST.get("confirmed_new") == "1",
                )
            except ValidationError as error:
                if getattr(error, "code", None) == "possible_duplicate":
                    duplicates = _mark_my_own(request.user, error.params["matches"])
                else:
                    _people_errors(form, people, error)
            else:
                messages.success(request, success)
                return redirect(family)
    else:
        form = FamilyForm()
        people = PeopleFormSet(prefix="people", initial=[{"role": "child"}, {"role": "caregiver"}])
    return render(
        request,
        "families/family_new.html",
        {"form": form, "people": people, "duplicates": duplicates, **(context or {})},
    )


def _mark_my_own(user, matches):
    """A match whose team she is already on is hers to open, not one to ask to join
    (the policy's "ask_to_join" refuses team members too)."""
    for match in matches:
        match.is_mine = policy.can(user, "view_family", match)
    return matches


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
    family = Family.objects.open().select_related("team").filter(pk=family_id).first()
    try:
        if family is None:
            raise PermissionDenied
        actions.ask_to_join(request.user, family, request=request)
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
def person_add(request, family_id):
    """Record a person; a caregiver or youth also joins the team and, with an e-mail, is
    invited (the team's action, so this page lives with the team's)."""
    family = family_for(request, family_id, "edit_people")
    form = PersonForm(request.POST or None, initial={"preferred_language": family.primary_language})
    return submit(
        request,
        "families/person_form.html",
        {"family": family},
        form,
        lambda data: actions.add_family_person(
            request.user, family, fields=form.fields_for_action(), request=request
        ),
        success=_("Saved."),
        done=family,
    )
