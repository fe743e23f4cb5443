"""The community resource directory, table for table as Open Referral HSDS 3.0."""

from .locations import (
    Accessibility,
    Address,
    Language,
    Location,
    LocationType,
    Phone,
    Schedule,
    ServiceAtLocation,
    Weekday,
)
from .organizations import Contact, Funding, Organization, OrganizationIdentifier, Program
from .services import (
    CostOption,
    RequiredDocument,
    Service,
    ServiceArea,
    ServiceCapacity,
    ServiceQuerySet,
)
from .taxonomy import Attribute, Metadata, MetaTableDescription, Taxonomy, TaxonomyTerm
from .vocabulary import SearchWord

# Every HSDS table, parents before children: the order imports write and exports read.
HSDS_MODELS = [
    Organization,
    Program,
    Service,
    Location,
    ServiceAtLocation,
    Contact,
    Phone,
    Address,
    Schedule,
    Funding,
    ServiceArea,
    RequiredDocument,
    Language,
    Accessibility,
    CostOption,
    OrganizationIdentifier,
    Taxonomy,
    TaxonomyTerm,
    Attribute,
    Metadata,
    MetaTableDescription,
    ServiceCapacity,
]

__all__ = [m.__name__ for m in HSDS_MODELS] + [
    "HSDS_MODELS",
    "LocationType",
    "SearchWord",
    "ServiceQuerySet",
    "Weekday",
]
