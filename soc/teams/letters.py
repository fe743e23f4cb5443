"""The one-page letter a caregiver without e-mail gets by hand or by post: in the family's
language, with a QR code and a short code to create her account and join her team.

It names the facilitator and the agency (so it can be trusted) and carries no case details.
"""

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from weasyprint import HTML

from .models import Invitation
from .notifications import team_contact


def letter_language(member):
    """The family's language when the site speaks it, else the member's, else English."""
    for language in (member.team.family.primary_language, member.language):
        if language in dict(settings.LANGUAGES):
            return language
    return "en"


def join_url(code, language):
    """Where the QR code leads: the code page, filled in and in the letter's language."""
    return f"{settings.SITE_URL}{reverse('join_with_code')}?code={code}&lang={language}"


def _qr_data_uri(text):
    # The project already uses `qrcode` for authenticator set-up: one QR library is enough.
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def invitation_letter_pdf(invitation, code) -> bytes:
    member = invitation.membership
    language = letter_language(member)
    with translation.override(language):
        html = render_to_string(
            "teams/letters/invitation_letter.html",
            {
                **team_contact(member.team),
                "member": member,
                "family": member.team.family,
                "code": Invitation.format_code(code),
                "qr": _qr_data_uri(join_url(code, language)),
                "join_address": settings.SITE_URL + reverse("join_with_code"),
                "expires_at": invitation.expires_at,
                "printed_at": timezone.now(),
            },
        )
    return HTML(string=html).write_pdf()
