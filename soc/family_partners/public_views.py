"""The public "Connect with a family partner" form: no sign-in, no cookie of its own, nothing
about the family in any log line (the audit row names the request only, without an address)."""

from django.shortcuts import redirect, render
from django.utils import translation
from django.views.decorators.http import require_GET

from soc.addresses import client_address
from soc.audit.log import record
from soc.languages import site_language
from soc.uswds import add_action_errors

from . import actions
from .forms import ConnectForm

SENT = "family_request_sent"  # the session remembers only the language to thank them in


def connect(request):
    form = ConnectForm(request.POST or None)
    if request.method == "POST":
        if form.is_robot():
            # Robots are thanked like anyone, and nothing is saved.
            request.session[SENT] = translation.get_language()
            return redirect("connect_thanks")
        if form.is_valid():
            try:
                actions.submit_request(form.cleaned_data, address=client_address(request))
            except actions.TooManyRequests:
                record(None, "family_request.limited")
                return render(
                    request,
                    "family_partners/connect.html",
                    {"form": form, "limited": True},
                    status=429,
                )
            except actions.ValidationError as error:
                add_action_errors(form, error)
            else:
                chosen = form.cleaned_data.get("language")
                request.session[SENT] = site_language(chosen, default=translation.get_language())
                return redirect("connect_thanks")
        else:
            _all_messages_at_once(form)
    return render(request, "family_partners/connect.html", {"form": form})


def _all_messages_at_once(form):
    """The form's own errors, and the request's rules for the answers it did not refuse."""
    try:
        data = dict(form.cleaned_data)
        if "zip_code" in form.errors:
            data["county"] = True  # the ZIP code's own message says it
        actions.check_request(data)
    except actions.ValidationError as error:
        for field, messages in error.message_dict.items():
            if field in form.fields and field not in form.errors:
                form.add_error(field, messages)


@require_GET
def connect_thanks(request):
    language = request.session.get(SENT)
    if language is None:
        return redirect("connect")
    with translation.override(language):
        return render(request, "family_partners/thanks.html", {"language": language})
