"""What each HSDS list answers: the public records its filters select, in a stable order."""

from django.db.models import Q
from django.utils.translation import gettext as _

from . import models as m
from . import nearby, search
from .geography import bounding_box, distance_m
from .params import BadParameter


def _tagged(term_id, taxonomy_id):
    """Ids of records tagged with the term, or with any term of the taxonomy."""
    attributes = m.Attribute.objects.all()
    if term_id:
        attributes = attributes.filter(taxonomy_term_id=term_id)
    if taxonomy_id:
        attributes = attributes.filter(taxonomy_term__taxonomy_detail_id=taxonomy_id)
    return attributes.values("link_id")


def services(p):
    """Ranked as search_services ranks them (best match first), else by name."""
    qs = m.Service.objects.public()
    term_id, taxonomy_id = p.uuid("taxonomy_term_id"), p.uuid("taxonomy_id")
    if term_id or taxonomy_id:
        qs = qs.filter(id__in=_tagged(term_id, taxonomy_id))
    if organization_id := p.uuid("organization_id"):
        qs = qs.filter(organization_id=organization_id)
    if after := p.moment("modified_after"):
        qs = qs.filter(last_modified__gte=after)
    return search.ranked_services(p.text("search"), queryset=qs)


def service_at_locations(p):
    qs = m.ServiceAtLocation.objects.filter(service__status__in=m.Service.PUBLIC_STATUSES)
    if words := p.text("search"):
        qs = qs.filter(service__in=search.matching(m.Service.objects.public(), words))
    term_id, taxonomy_id = p.uuid("taxonomy_term_id"), p.uuid("taxonomy_id")
    if term_id or taxonomy_id:
        tagged = _tagged(term_id, taxonomy_id)
        qs = qs.filter(Q(service_id__in=tagged) | Q(id__in=tagged))
    if organization_id := p.uuid("organization_id"):
        qs = qs.filter(service__organization_id=organization_id)
    if after := p.moment("modified_after"):
        qs = qs.filter(service__last_modified__gte=after)
    qs = qs.order_by("service__name", "id")
    postcode, proximity = p.text("postcode"), p.metres("proximity")
    if proximity and not postcode:
        raise BadParameter("proximity", _("Give a postcode to measure the distance from."))
    if not postcode:
        return qs
    if not proximity:
        return qs.filter(
            Q(location__addresses__postal_code__startswith=postcode[:5])
            | Q(service__service_areas__extent__contains=postcode[:5])
        ).distinct()
    return _near(qs, postcode, proximity)


def _near(qs, postcode, metres):
    """Services at locations within `metres` of the ZIP code's centre, nearest first."""
    centre = nearby.place_of(postcode)
    if centre is None:
        return qs.none()
    low_lat, high_lat, low_lon, high_lon = bounding_box(centre, metres)
    boxed = qs.filter(
        location__latitude__range=(low_lat, high_lat),
        location__longitude__range=(low_lon, high_lon),
    ).values_list("id", "location__latitude", "location__longitude")
    near = sorted(
        (d, pk) for pk, lat, lon in boxed if (d := distance_m(centre, (lat, lon))) <= metres
    )
    order = {pk: i for i, (_d, pk) in enumerate(near)}
    return _Ordered(m.ServiceAtLocation.objects.filter(id__in=order), order)


class _Ordered:
    """A queryset whose rows come back in a given order (nearest first); slices like one."""

    def __init__(self, qs, order):
        self.qs, self.order = qs, order

    def count(self):
        return len(self.order)

    def __getitem__(self, window):
        ids = sorted(self.order, key=self.order.get)[window]
        rows = {r.pk: r for r in self.qs.filter(id__in=ids)}
        return [rows[i] for i in ids]


def organizations(p):
    qs = m.Organization.objects.all()
    if words := p.text("search"):
        qs = qs.matching(words)
    return qs.order_by("name", "id")


def taxonomies(p):
    qs = m.Taxonomy.objects.all()
    if words := p.text("search"):
        for word in words.split():
            qs = qs.filter(Q(name__icontains=word) | Q(description__icontains=word))
    return qs.order_by("name", "id")


def taxonomy_terms(p):
    qs = m.TaxonomyTerm.objects.select_related("taxonomy_detail")
    if words := p.text("search"):
        for word in words.split():
            qs = qs.filter(
                Q(name__icontains=word)
                | Q(name_es__icontains=word)
                | Q(code__icontains=word)
                | Q(description__icontains=word)
            )
    if taxonomy_id := p.uuid("taxonomy_id"):
        qs = qs.filter(taxonomy_detail_id=taxonomy_id)
    if p.flag("top_only"):
        qs = qs.filter(parent_id__isnull=True)
    if parent_id := p.uuid("parent_id"):
        qs = qs.filter(parent_id=parent_id)
    return qs.order_by("code", "name", "id")
