"""Export the directory as HSDS 3.0: tabular JSON (one list per table) or the CSV package.

Every record is exported, inactive services too: an export is the directory's own copy of its
data (for another system or a backup), not the public view. Our own columns (capacity status,
who verified, the agency that runs an organization) are not part of HSDS and stay behind.
"""

import csv
import json

from ..documents import row, value
from .nesting import TABLES

ITERATOR_CHUNK = 2000


def _records(model):
    return model.objects.order_by("pk").iterator(chunk_size=ITERATOR_CHUNK)


def export_json(path):
    """Tabular JSON, keyed as compiled/tabular.json names the tables."""
    document = {model.HSDS_NAME: [row(obj) for obj in _records(model)] for model in TABLES}
    path.write_text(json.dumps(document, indent=1, ensure_ascii=False), encoding="utf-8")
    return {model.HSDS_TABLE: len(document[model.HSDS_NAME]) for model in TABLES}


def export_csv(folder):
    """One file per table, named as the HSDS CSV package names them, with a datapackage.json.

    UTF-8 with a byte-order mark, so Excel reads the accents; values are written as they are
    (no formula guard), because this is a data package that must import back unchanged.
    """
    folder.mkdir(parents=True, exist_ok=True)
    counts, resources = {}, []
    for model in TABLES:
        name = f"{model.HSDS_TABLE}.csv"
        columns = [column for column, _attname in model.hsds_columns()]
        count = 0
        with (folder / name).open("w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(columns)
            for obj in _records(model):
                writer.writerow(
                    [
                        "" if (v := value(getattr(obj, attname))) is None else v
                        for _column, attname in model.hsds_columns()
                    ]
                )
                count += 1
        counts[model.HSDS_TABLE] = count
        resources.append(
            {"name": model.HSDS_NAME, "path": name, "profile": "tabular-data-resource"}
        )
    package = {"name": "hsds-directory", "profile": "tabular-data-package", "resources": resources}
    (folder / "datapackage.json").write_text(json.dumps(package, indent=1), encoding="utf-8")
    return counts
