"""Keeping scripts off the public forms (Connect with a family partner, training registration).

`RobotTrap` adds a field people never see (the page hides it): only a robot fills it in, and
`is_robot()` reads the raw post, before any validation, so a robot learns nothing from the
answer. `address_key` turns a sender's address into a keyed hash: enough to count what one
address sends in an hour, useless to anyone without the server's secret.
"""

import hashlib
import hmac

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class RobotTrap:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"] = forms.CharField(
            required=False,
            label=_("Leave this empty"),
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )

    def is_robot(self):
        return bool(self.data.get("website"))


def address_key(address, purpose):
    if not address:
        return ""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"{purpose}:{address}".encode(), hashlib.sha256).hexdigest()
