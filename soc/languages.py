"""Which of the site's languages to use for a person, a family or a document.

People may speak any language (families.SpokenLanguage); the site is translated into fewer
(settings.LANGUAGES). Every place that picks one of them for someone else goes through here.
"""

from django.conf import settings
from django.utils import translation
from django.utils.text import capfirst


def site_languages():
    return [code for code, _name in settings.LANGUAGES]


def site_language(code, default=None):
    """`code` when the site is translated into it, else `default` (English unless given)."""
    if code in site_languages():
        return code
    return default or settings.LANGUAGE_CODE


def document_language(request, family):
    """The language a document is made in: the one chosen at export (?lang=), else the
    family's own, else the reader's."""
    chosen = request.GET.get("lang", "")
    if chosen in site_languages():
        return chosen
    return site_language(family.primary_language, default=translation.get_language())


def language_choices(family):
    """(code, name in that language) for the export forms, the family's language first:
    "Español" reads the same to everyone, whatever the page's language."""
    codes = site_languages()
    first = site_language(family.primary_language, default=codes[0])
    ordered = [first, *[c for c in codes if c != first]]
    return [(code, capfirst(translation.get_language_info(code)["name_local"])) for code in ordered]
