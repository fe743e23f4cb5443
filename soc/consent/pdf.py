"""Consent documents as PDF (WeasyPrint), rendered in the active language (the view picks
the one chosen at export, the family's by default)."""

from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML

from .disclosures import PART2_NOTICE


def consent_pdf(consent) -> bytes:
    html = render_to_string(
        "consent/consent_pdf.html",
        {
            "consent": consent,
            "family": consent.family,
            "part2_notice": PART2_NOTICE,
            "printed_at": timezone.now(),
        },
    )
    return HTML(string=html).write_pdf()
