"""US phone numbers in the one form text providers take: E.164 (+19195550100)."""

import re

_NOT_DIGITS = re.compile(r"[^\d]")
# North American numbering: area code and exchange never start with 0 or 1.
_NANP = re.compile(r"^[2-9]\d{2}[2-9]\d{6}$")


def to_e164(raw):
    """`+1` and ten digits for a valid US number written any usual way, else None.

    "(919) 555-0100", "919.555.0100", "1 919 555 0100" and "+1-919-555-0100" all give
    "+19195550100". Letters, extensions and numbers outside North America give None.
    """
    if not raw:
        return None
    text = raw.strip()
    if re.search(r"[A-Za-z]", text):
        return None
    digits = _NOT_DIGITS.sub("", text)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    elif text.startswith("+") and not text.startswith("+1"):
        return None
    if not _NANP.match(digits):
        return None
    return "+1" + digits


def display(e164):
    """+19195550100 -> (919) 555-0100, for pages; anything else as it is."""
    if not e164 or not re.fullmatch(r"\+1\d{10}", e164):
        return e164 or ""
    d = e164[2:]
    return f"({d[:3]}) {d[3:6]}-{d[6:]}"
