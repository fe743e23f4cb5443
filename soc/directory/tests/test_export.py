"""`soc directory export`: HSDS files that validate strictly and import back to the same directory."""

import csv
import io
import json

import pytest
from django.core.management import call_command

from soc.directory.transfer.importing import import_rows
from soc.directory.transfer.reading import read

from .directory_data import rich_directory
from .hsds_schema import EXAMPLES, assert_valid
from .snapshots import empty_directory, snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory():
    import_rows(read(EXAMPLES / "csv"))
    return rich_directory()


def export(fmt, path):
    call_command("directory", "export", "--format", fmt, str(path), stdout=io.StringIO())


@pytest.mark.parametrize(("fmt", "name"), [("json", "directory.json"), ("csv", "package")])
def test_export_then_import_gives_the_same_directory(directory, tmp_path, fmt, name):
    before = snapshot()
    export(fmt, tmp_path / name)
    empty_directory()
    assert snapshot() != before
    out = io.StringIO()
    call_command("directory", "import", str(tmp_path / name), stdout=out, stderr=io.StringIO())
    assert snapshot() == before
    call_command("directory", "import", str(tmp_path / name), stdout=out, stderr=io.StringIO())
    assert out.getvalue().splitlines()[-1].startswith("Imported: 0 new, 0 changed,")


def test_the_json_export_is_strictly_valid_tabular_hsds(directory, tmp_path):
    export("json", tmp_path / "directory.json")
    document = json.loads((tmp_path / "directory.json").read_text())
    assert_valid(document, "compiled/tabular.json")
    assert len(document["service"]) == 5  # the example's, two of ours, an inactive and a defunct


def test_the_csv_package_has_the_standards_files_and_columns(directory, tmp_path):
    export("csv", tmp_path / "package")
    for official in (EXAMPLES / "csv").glob("*.csv"):
        ours = tmp_path / "package" / official.name
        assert ours.exists(), official.name
        with official.open(encoding="utf-8") as a, ours.open(encoding="utf-8-sig") as b:
            assert next(csv.reader(b)) == next(csv.reader(a)), official.name
    raw = (tmp_path / "package" / "services.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark, for Excel"
    package = json.loads((tmp_path / "package" / "datapackage.json").read_text())
    assert {r["path"] for r in package["resources"]} >= {"services.csv", "organizations.csv"}
