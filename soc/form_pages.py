"""The shape every edit page shares: parse the form, call the action, render the outcome.

A stale version re-renders the page with a 409 and the conflict (nothing is overwritten);
a ValidationError from the action lands on the form, in the user's language; success
says so and redirects.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from soc.uswds import add_action_errors
from soc.versioning import StaleVersion


def submit(request, template, context, form, act, *, success, done, errors=add_action_errors):
    """`act(cleaned_data)` runs on a valid POST; `done` is a URL, a model, or a function of
    act's result giving one."""
    context = {**context, "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            result = act(form.cleaned_data)
        except StaleVersion as conflict:
            return render(request, template, {**context, "conflict": conflict}, status=409)
        except ValidationError as error:
            errors(form, error)
        else:
            messages.success(request, success(result) if callable(success) else success)
            return redirect(done(result) if callable(done) else done)
    return render(request, template, context)


def run_and_return(request, family, act, success):
    """Run a one-click action from the team page and come back with its result."""
    try:
        act()
    except StaleVersion as conflict:
        messages.error(request, conflict.message)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, success)
    return redirect(family)
