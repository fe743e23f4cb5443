"""The System of Care needs taxonomy the platform ships: what teams refer for, in English and Spanish."""

import csv
import uuid
from pathlib import Path

NEEDS_CSV = Path(__file__).parent / "data" / "soc_needs.csv"
# Fixed ids, so every installation (and every export) names the same terms the same way.
NEEDS_TAXONOMY_ID = uuid.UUID("5e2b8a64-3f0c-4d39-9d0a-50c0c0a7e001")
NAMESPACE = uuid.UUID("5e2b8a64-3f0c-4d39-9d0a-50c0c0a7e000")


def term_id(code):
    return uuid.uuid5(NAMESPACE, code)


def load_needs_taxonomy(taxonomy_model, term_model):
    """Create or refresh the shipped taxonomy and its terms (idempotent; imported ones untouched)."""
    taxonomy_model.objects.update_or_create(
        id=NEEDS_TAXONOMY_ID,
        defaults={
            "name": "System of Care needs",
            "description": "Needs Child and Family Teams refer families for, in North Carolina.",
            "version": "1",
        },
    )
    with NEEDS_CSV.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            term_model.objects.update_or_create(
                id=term_id(row["code"]),
                defaults={
                    "code": row["code"],
                    "name": row["name"],
                    "name_es": row["name_es"],
                    "description": row["description"],
                    "parent_id": term_id(row["parent"]) if row["parent"] else None,
                    "taxonomy": "System of Care needs",
                    "taxonomy_detail_id": NEEDS_TAXONOMY_ID,
                    "language": "en",
                },
            )
