"""Referrals made before the need and the language were codes: a need that only repeats a
kind of need's name becomes that kind (shown in each reader's language), and a language written
out as a name ("Spanish", "Español") becomes its code ("es").

Words that say more than a name are the team's or the family's own and stay as they are; so
does a language this list does not know (it is still shown as written).
"""

import unicodedata

from django.db import migrations

# The names the refer page wrote (each language's name in English and in Spanish, as the
# catalogue had them), and a few ways people type them.
LANGUAGE_CODES = {
    "english": "en",
    "ingles": "en",
    "spanish": "es",
    "espanol": "es",
    "castellano": "es",
    "vietnamese": "vi",
    "vietnamita": "vi",
    "arabic": "ar",
    "arabe": "ar",
    "chinese": "zh",
    "chino": "zh",
    "mandarin": "zh",
    "hmong": "hmn",
    "french": "fr",
    "frances": "fr",
    "american sign language": "ase",
    "american sign language (asl)": "ase",
    "asl": "ase",
    "lengua de senas americana": "ase",
    "lengua de senas americana (asl)": "ase",
    "another language": "other",
    "otro idioma": "other",
}
CODES = frozenset(LANGUAGE_CODES.values())
BATCH = 500


def fold(text):
    """ "Español." and "espanol" are the same name: no accents, no case, no end stop."""
    text = unicodedata.normalize("NFKD", str(text or ""))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().split()).rstrip(".")


def _language_code(written):
    folded = fold(written)
    if folded in CODES:
        return folded
    return LANGUAGE_CODES.get(folded)


def _term_names(TaxonomyTerm):
    """{folded name: term id} over both names of every term; a name two terms share is left out."""
    names, shared = {}, set()
    own = {}
    for term in TaxonomyTerm.objects.only("id", "name", "name_es"):
        folded = {fold(term.name), fold(term.name_es)} - {""}
        own[term.id] = folded
        for name in folded:
            if name in names and names[name] != term.id:
                shared.add(name)
            names[name] = term.id
    for name in shared:
        del names[name]
    return names, own


def _in_batches(queryset):
    batch = []
    for row in queryset.iterator(chunk_size=BATCH):
        batch.append(row)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def forwards(apps, schema_editor):
    Referral = apps.get_model("referrals", "Referral")
    SharedDetails = apps.get_model("referrals", "SharedDetails")
    TaxonomyTerm = apps.get_model("directory", "TaxonomyTerm")
    names, own = _term_names(TaxonomyTerm)
    for batch in _in_batches(Referral.objects.only("id", "need", "need_term")):
        changed = []
        for referral in batch:
            words = fold(referral.need)
            if referral.need_term_id is None and words in names:
                referral.need_term_id, referral.need = names[words], ""
                changed.append(referral)
            elif referral.need_term_id is not None and words and words in own.get(
                referral.need_term_id, ()
            ):
                referral.need = ""
                changed.append(referral)
        Referral.objects.bulk_update(changed, ["need", "need_term"])
    shared_rows = SharedDetails.objects.select_related("referral").only(
        "id", "need", "language", "referral__id", "referral__need_term"
    )
    for batch in _in_batches(shared_rows):
        changed = []
        for shared in batch:
            code = _language_code(shared.language)
            term = shared.referral.need_term_id
            repeats_the_kind = term is not None and fold(shared.need) in own.get(term, ())
            if (code is None or code == shared.language) and not repeats_the_kind:
                continue
            shared.language = code or shared.language
            shared.need = "" if repeats_the_kind else shared.need
            changed.append(shared)
        SharedDetails.objects.bulk_update(changed, ["need", "language"])


def backwards(apps, schema_editor):
    """Words again where a kind of need stands alone, and English names for the codes."""
    Referral = apps.get_model("referrals", "Referral")
    SharedDetails = apps.get_model("referrals", "SharedDetails")
    TaxonomyTerm = apps.get_model("directory", "TaxonomyTerm")
    english = {
        "en": "English",
        "es": "Spanish",
        "vi": "Vietnamese",
        "ar": "Arabic",
        "zh": "Chinese",
        "hmn": "Hmong",
        "fr": "French",
        "ase": "American Sign Language",
        "other": "Another language",
    }
    term_names = dict(TaxonomyTerm.objects.values_list("id", "name"))
    for batch in _in_batches(Referral.objects.filter(need="").exclude(need_term_id=None)):
        for referral in batch:
            referral.need = term_names.get(referral.need_term_id, "")[:500]
        Referral.objects.bulk_update(batch, ["need"])
    shared_rows = SharedDetails.objects.select_related("referral")
    for batch in _in_batches(shared_rows):
        for shared in batch:
            shared.language = english.get(shared.language, shared.language)
            if not shared.need and shared.referral.need_term_id:
                shared.need = term_names.get(shared.referral.need_term_id, "")[:500]
        SharedDetails.objects.bulk_update(batch, ["need", "language"])


class Migration(migrations.Migration):
    dependencies = [
        ("referrals", "0002_need_words_optional_language_choices"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
