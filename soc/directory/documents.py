"""HSDS 3.0 documents from directory rows: nested services, organizations, services at locations.

A page of documents costs a fixed number of queries: each branch of the nesting below is one
query for the whole page (children of every parent at once), and the attributes and metadata of
everything on the page are two more. Only public services ever appear, wherever they nest.
"""

import datetime
import uuid
from dataclasses import dataclass, field

from . import models as m


@dataclass
class Many:
    key: str
    model: type
    parent_field: str  # the child's column naming its parent
    nest: list = field(default_factory=list)


@dataclass
class One:
    key: str
    model: type
    own_field: str  # the parent's column naming this record
    nest: list = field(default_factory=list)


PHONE = [Many("languages", m.Language, "phone_id")]
CONTACT = [Many("phones", m.Phone, "contact_id", PHONE)]
LOCATION = [
    Many("languages", m.Language, "location_id"),
    Many("addresses", m.Address, "location_id"),
    Many("contacts", m.Contact, "location_id", CONTACT),
    Many("accessibility", m.Accessibility, "location_id"),
    Many("phones", m.Phone, "location_id", PHONE),
    Many("schedules", m.Schedule, "location_id"),
]
ORGANIZATION = [
    Many("funding", m.Funding, "organization_id"),
    Many("contacts", m.Contact, "organization_id", CONTACT),
    Many("phones", m.Phone, "organization_id", PHONE),
    Many("locations", m.Location, "organization_id", LOCATION),
    Many("programs", m.Program, "organization_id"),
    Many("organization_identifiers", m.OrganizationIdentifier, "organization_id"),
]
SERVICE_AT_LOCATION = [
    Many("contacts", m.Contact, "service_at_location_id", CONTACT),
    Many("phones", m.Phone, "service_at_location_id", PHONE),
    Many("schedules", m.Schedule, "service_at_location_id"),
    One("location", m.Location, "location_id", LOCATION),
]


def _service(with_locations):
    nest = [
        Many("phones", m.Phone, "service_id", PHONE),
        Many("schedules", m.Schedule, "service_id"),
        Many("service_areas", m.ServiceArea, "service_id"),
    ]
    if with_locations:
        nest.append(
            Many("service_at_locations", m.ServiceAtLocation, "service_id", SERVICE_AT_LOCATION)
        )
    return nest + [
        Many("languages", m.Language, "service_id"),
        One("organization", m.Organization, "organization_id", ORGANIZATION),
        Many("funding", m.Funding, "service_id"),
        Many("cost_options", m.CostOption, "service_id"),
        One("program", m.Program, "program_id"),
        Many("required_documents", m.RequiredDocument, "service_id"),
        Many("contacts", m.Contact, "service_id", CONTACT),
    ]


SERVICE_FULL = _service(with_locations=True)
SERVICE_AT_LOCATION_FULL = SERVICE_AT_LOCATION + [
    One("service", m.Service, "service_id", _service(False))
]
# The list shapes: one-to-one fields only, with the record's organization and program flat.
SERVICE_LIST = [
    One("organization", m.Organization, "organization_id"),
    One("program", m.Program, "program_id"),
]
SERVICE_AT_LOCATION_LIST = [
    One("location", m.Location, "location_id"),
    One("service", m.Service, "service_id", SERVICE_LIST),
]


def organization_full(full_service):
    services = SERVICE_FULL if full_service else []
    return ORGANIZATION + [Many("services", m.Service, "organization_id", services)]


def value(v):
    """A column's value as HSDS JSON writes it; None when the record leaves it out."""
    if v is None or v == "":
        return None
    if isinstance(v, uuid.UUID):
        return str(v)
    if isinstance(v, datetime.datetime):
        return v.isoformat().replace("+00:00", "Z")
    if isinstance(v, datetime.date | datetime.time):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def row(obj):
    """The record's own HSDS columns, those it leaves out omitted (required ones never are)."""
    out = {}
    required = obj.hsds_required()
    for column, attname in obj.hsds_columns():
        v = value(getattr(obj, attname))
        if v is not None:
            out[column] = v
        elif attname in required:
            out[column] = getattr(obj, attname)
    return out


def _restrict(model, queryset):
    if model is m.Service:
        return queryset.public()
    if model is m.ServiceAtLocation:
        return queryset.filter(service__status__in=m.Service.PUBLIC_STATUSES)
    return queryset


class Builder:
    """Builds documents for a page of records; `linked` keeps every document that takes
    attributes and metadata, filled in at the end with two queries."""

    def __init__(self, tagged=True):
        self.tagged = tagged
        self.linked = {}

    def build(self, objects, nest):
        docs = [row(o) for o in objects]
        self._nest(objects, docs, nest)
        if self.tagged:
            self._tag()
        return docs

    def _register(self, objects, docs):
        if self.tagged:
            for obj, doc in zip(objects, docs, strict=True):
                self.linked.setdefault(obj.pk, []).append(doc)

    def _nest(self, objects, docs, nest):
        self._register(objects, docs)
        for branch in nest:
            if isinstance(branch, Many):
                self._many(objects, docs, branch)
            else:
                self._one(objects, docs, branch)

    def _many(self, objects, docs, branch):
        ids = [o.pk for o in objects]
        qs = _restrict(
            branch.model, branch.model.objects.filter(**{f"{branch.parent_field}__in": ids})
        )
        children = list(qs) if ids else []
        child_docs = [row(c) for c in children]
        by_parent = {}
        for child, doc in zip(children, child_docs, strict=True):
            by_parent.setdefault(getattr(child, branch.parent_field), []).append(doc)
        for obj, doc in zip(objects, docs, strict=True):
            doc[branch.key] = by_parent.get(obj.pk, [])
        self._nest(children, child_docs, branch.nest)

    def _one(self, objects, docs, branch):
        ids = {getattr(o, branch.own_field) for o in objects} - {None}
        qs = _restrict(branch.model, branch.model.objects.filter(pk__in=ids))
        found = {c.pk: c for c in qs} if ids else {}
        # The same record under several parents is one document per parent, so each gets
        # its own attributes list without sharing dicts.
        pairs = [
            (found[k], row(found[k]))
            for o in objects
            if (k := getattr(o, branch.own_field)) in found
        ]
        parents = [
            (o, d)
            for o, d in zip(objects, docs, strict=True)
            if getattr(o, branch.own_field) in found
        ]
        for (_obj, doc), (_child, child_doc) in zip(parents, pairs, strict=True):
            doc[branch.key] = child_doc
        if pairs:
            children, child_docs = zip(*pairs, strict=True)
            self._nest(list(children), list(child_docs), branch.nest)

    def _tag(self):
        ids = list(self.linked)
        attributes = m.Attribute.objects.filter(link_id__in=ids).select_related(
            "taxonomy_term__taxonomy_detail"
        )
        for attribute in attributes:
            doc = row(attribute)
            term = attribute.taxonomy_term
            if term is not None:
                doc["taxonomy_term"] = term_document(term)
            for target in self.linked[attribute.link_id]:
                target.setdefault("attributes", []).append(doc)
        metadata = m.Metadata.objects.filter(resource_id__in=ids)
        for entry in metadata:
            for target in self.linked[entry.resource_id]:
                target.setdefault("metadata", []).append(row(entry))
        for docs in self.linked.values():
            for doc in docs:
                doc.setdefault("attributes", [])
                doc.setdefault("metadata", [])


def term_document(term):
    """A taxonomy term with its taxonomy nested, as /taxonomy_terms answers (select_related it)."""
    doc = row(term)
    taxonomy = term.taxonomy_detail if term.taxonomy_detail_id else None
    if taxonomy is not None:
        doc["taxonomy_detail"] = row(taxonomy)
    return doc
