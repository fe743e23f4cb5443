"""Which nested key of an HSDS document holds which table, derived from the shapes the API writes."""

from .. import documents as d
from .. import models as m

# The tables HSDS 3.0 defines, parents first. HSDS 3.1's service_capacity is ours until 3.1.
TABLES = [model for model in m.HSDS_MODELS if model is not m.ServiceCapacity]
BY_TABLE = {model.HSDS_TABLE: model for model in TABLES}
BY_NAME = {model.HSDS_NAME: model for model in TABLES}


def _collect():
    children = {}

    def walk(model, nest):
        for branch in nest:
            children.setdefault(model, {})[branch.key] = branch
            walk(branch.model, branch.nest)

    walk(m.Service, d.SERVICE_FULL)
    walk(m.ServiceAtLocation, d.SERVICE_AT_LOCATION_FULL)
    walk(m.Organization, d.organization_full(True))
    children.setdefault(m.TaxonomyTerm, {})["taxonomy_detail"] = d.One(
        "taxonomy_detail", m.Taxonomy, "taxonomy_detail_id"
    )
    children.setdefault(m.Attribute, {})["taxonomy_term"] = d.One(
        "taxonomy_term", m.TaxonomyTerm, "taxonomy_term_id"
    )
    return children


CHILDREN = _collect()
