"""The whole directory as plain data, to compare two states of it."""

from soc.directory.documents import row
from soc.directory.models import Taxonomy, TaxonomyTerm
from soc.directory.needs import load_needs_taxonomy
from soc.directory.transfer.nesting import TABLES


def snapshot():
    """Every record of every HSDS table, with our own columns too, in id order."""
    state = {}
    for model in TABLES:
        local = [model._meta.get_field(f).attname for f in model.LOCAL_FIELDS]
        state[model.HSDS_TABLE] = [
            row(obj) | {f: getattr(obj, f) for f in local} for obj in model.objects.order_by("pk")
        ]
    return state


def empty_directory():
    """A directory as a fresh installation has it: only the shipped needs taxonomy."""
    for model in reversed(TABLES):
        model.objects.all().delete()
    load_needs_taxonomy(Taxonomy, TaxonomyTerm)
