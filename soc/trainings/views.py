"""Public pages: upcoming trainings, one training with its registration form, the signed
cancel link, and the share of trainings co-facilitated by family members and youth."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from soc.accounts.models import Organization
from soc.collaboratives.models import Collaborative
from soc.uswds import add_action_errors

from . import actions, rules, share
from .forms import QuickRegistrationForm, RegistrationForm, TrainingFilterForm
from .models import CoFacilitator, Registration, Training
from .notifications import registration_id_from

PAGE_SIZE = 20
PAGE_ACTIONS = ("organize_training", "see_registrants")


def listed(user):
    """Trainings a reader may see, with what a list shows, in a fixed number of queries."""
    return (
        Training.objects.visible_to(user)
        .select_related("collaborative", "organization", "county")
        .prefetch_related(
            Prefetch("facilitators", queryset=CoFacilitator.objects.select_related("user"))
        )
    )


def filtered(trainings, data):
    """Apply the list's filters (a cleaned TrainingFilterForm, or the API's query)."""
    if data.get("county"):
        trainings = trainings.filter(county=data["county"])
    if data.get("language"):
        # JSON list of codes: the quoted code matches on SQLite and PostgreSQL alike.
        trainings = trainings.filter(languages__icontains=f'"{data["language"]}"')
    if data.get("audience"):
        trainings = trainings.filter(audience=data["audience"])
    if data.get("body"):
        trainings = trainings.filter(collaborative__slug=data["body"])
    return trainings


def training_list(request):
    """Upcoming trainings and events: public (members-only ones for members)."""
    form = TrainingFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    trainings = filtered(listed(request.user).upcoming(), data)
    page = Paginator(trainings, PAGE_SIZE).get_page(request.GET.get("page"))
    body = Collaborative.objects.filter(slug=data.get("body")).first() if data.get("body") else None
    context = {"form": form, "page": page, "trainings": page.object_list, "body": body}
    return render(request, "trainings/list.html", context)


def training_or_404(request, training_id):
    """A training the reader may see: members-only ones are 404 for everyone else."""
    return get_object_or_404(
        Training.objects.visible_to(request.user).select_related(
            "collaborative", "organization", "county"
        ),
        pk=training_id,
    )


def _mine(request, training):
    if not request.user.is_authenticated:
        return None
    return training.registrations.filter(user=request.user, status__in=Registration.ACTIVE).first()


def training(request, training_id, form=None, status=200):
    """What it is, when and where, who leads it, and how to register."""
    training = training_or_404(request, training_id)
    signed_in = request.user.is_authenticated
    if form is None:
        form = (
            QuickRegistrationForm()
            if signed_in
            else RegistrationForm(initial={"language": request.LANGUAGE_CODE})
        )
    context = {
        "training": training,
        "facilitators": training.facilitators.select_related("user"),
        "form": form,
        "mine": _mine(request, training),
        "is_full": training.is_full(),
        "is_open": training.is_open_for_registration(),
        "can": rules.flags(request.user, training, PAGE_ACTIONS),
    }
    return render(request, "trainings/training.html", context, status=status)


@require_POST
def training_register(request, training_id):
    """Register: the form for anyone, one click once signed in. Full means the waitlist."""
    found = training_or_404(request, training_id)
    signed_in = request.user.is_authenticated
    form = (QuickRegistrationForm if signed_in else RegistrationForm)(request.POST)
    if not signed_in and form.is_robot():
        return redirect(found)  # before validation: say nothing a robot could learn from
    if not form.is_valid():
        return training(request, training_id, form=form, status=422)
    fields = form.cleaned_data if signed_in else form.registration_fields()
    try:
        registration = actions.register(request.user, found, request=request, **fields)
    except actions.TooManyRegistrations as error:
        messages.error(request, " ".join(error.messages))
        return training(request, training_id, form=form, status=429)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        add_action_errors(form, error)
        return training(request, training_id, form=form, status=422)
    if registration.status == Registration.Status.WAITLISTED:
        messages.success(request, _("The training is full. You are on the waitlist."))
    else:
        messages.success(request, _("You are registered. We saved a place for you."))
    return redirect(found)


def registration_cancel(request, token):
    """The link in the confirmation e-mail: a page to confirm, then the registration is cancelled."""
    registration_id = registration_id_from(token)
    registration = get_object_or_404(
        Registration.objects.select_related("training"), pk=registration_id or 0
    )
    if request.method == "POST":
        return _cancel(request, None, registration, registration.training)
    return render(request, "trainings/cancel.html", {"registration": registration})


@require_POST
def my_registration_cancel(request, training_id):
    """A signed-in registrant cancels their own place from the training page."""
    found = training_or_404(request, training_id)
    mine = _mine(request, found)
    if mine is None:
        raise Http404
    return _cancel(request, request.user, mine, found)


def _cancel(request, user, registration, training):
    try:
        actions.cancel_registration(user, registration, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your registration is cancelled. Thank you for telling us."))
    return redirect(training)


def share_state(request):
    """The share of trainings co-facilitated by family members or youth, for every host and
    the whole state: public."""
    rows, total = share.state_rollup()
    return render(request, "trainings/share_state.html", {"rows": rows, "total": total})


def share_body(request, slug):
    host = get_object_or_404(Collaborative, slug=slug)
    return render(request, "trainings/share_host.html", {"host": host, "s": share.for_host(host)})


def share_organization(request, organization_id):
    host = get_object_or_404(
        Organization, pk=organization_id, kind=Organization.Kind.FAMILY_ORGANIZATION
    )
    return render(request, "trainings/share_host.html", {"host": host, "s": share.for_host(host)})
