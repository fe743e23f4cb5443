"""`soc directory import`: the official examples import, again and again, and bad files import nothing."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from soc.directory import models as m
from soc.directory.transfer.importing import ImportFailed, import_rows
from soc.directory.transfer.reading import read

from .hsds_schema import EXAMPLES
from .snapshots import empty_directory, snapshot

pytestmark = pytest.mark.django_db

EXAMPLE_FILES = sorted(p.name for p in EXAMPLES.glob("*.json") if p.name != "base.json") + ["csv"]


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("directory", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_each_official_example_imports_and_a_second_import_changes_nothing(name):
    out, _err = run("import", str(EXAMPLES / name))
    assert "Imported:" in out and " 0 new" not in out.splitlines()[-1]
    first = snapshot()
    out, _err = run("import", str(EXAMPLES / name))
    assert out.splitlines()[-1].startswith("Imported: 0 new, 0 changed,")
    assert snapshot() == first


def test_the_csv_package_and_the_tabular_json_give_the_same_records():
    run("import", str(EXAMPLES / "csv"))
    service = m.Service.objects.get(pk="ac148810-d857-441c-9679-408f346de14b")
    assert service.minimum_age == 12 and service.organization.name == "Example Organization Inc."
    assert m.Schedule.objects.get().opens_at.isoformat() == "10:00:00"
    out, _err = run("import", str(EXAMPLES / "tabular.json"))
    assert m.Service.objects.count() == 1 and m.Phone.objects.count() == 1


def test_nested_json_links_each_record_to_its_parent():
    run("import", str(EXAMPLES / "service_full.json"))
    service = m.Service.objects.get(pk="ac148810-d857-441c-9679-408f346de14b")
    assert service.phones.exists() and service.service_at_locations.exists()
    assert service.organization_id is not None and service.program_id is not None
    attribute = m.Attribute.objects.get()
    assert attribute.link_id == service.id  # the example names its own link_entity


def test_dry_run_counts_and_writes_nothing():
    before = snapshot()
    out, _err = run("import", "--dry-run", str(EXAMPLES / "csv"))
    assert out.splitlines()[-1].startswith("Would import: 21 new")
    assert snapshot() == before


class Interrupted(Exception):
    pass


def test_an_interrupted_import_leaves_nothing_and_a_rerun_ends_like_a_clean_one():
    rows = read(EXAMPLES / "service_full.json")
    before = snapshot()

    def crash_halfway(done, total):
        if done >= total // 2:
            raise Interrupted

    with pytest.raises(Interrupted):
        import_rows(rows, progress=crash_halfway)
    assert snapshot() == before
    import_rows(read(EXAMPLES / "service_full.json"))
    assert snapshot() == _clean_import(rows)


class Rollback(Exception):
    pass


def _clean_import(rows):
    """The snapshot a clean import gives, into a fresh directory (then rolled back)."""
    result = {}
    try:
        with transaction.atomic():
            empty_directory()
            import_rows(rows)
            result.update(snapshot())
            raise Rollback
    except Rollback:
        pass
    return result


def _write(tmp_path, name, document):
    path = tmp_path / name
    path.write_text(json.dumps(document))
    return path


BAD_SERVICES = [
    {"id": "not-a-uuid", "name": "A", "status": "active"},
    {"id": "0a5e5b3e-8f4f-4a39-9f3c-000000000002", "status": "active"},
    {"id": "0a5e5b3e-8f4f-4a39-9f3c-000000000003", "name": "C", "status": "open"},
    {
        "id": "0a5e5b3e-8f4f-4a39-9f3c-000000000004",
        "name": "D",
        "status": "active",
        "minimum_age": "twelve",
    },
    {
        "id": "0a5e5b3e-8f4f-4a39-9f3c-000000000005",
        "name": "E",
        "status": "active",
        "organization_id": "0a5e5b3e-8f4f-4a39-9f3c-0000000000ff",
    },
    {
        "id": "0a5e5b3e-8f4f-4a39-9f3c-000000000006",
        "name": "F",
        "status": "active",
        "colour": "red",
    },
    {"id": "0a5e5b3e-8f4f-4a39-9f3c-000000000007", "name": "Good", "status": "active"},
]
EXPECTED = [
    "bad.json, contents[0], id: Not a valid UUID: 'not-a-uuid'.",
    "bad.json, contents[1], name: Required, but missing.",
    "bad.json, contents[2], status: Must be one of: active, defunct, inactive, temporarily closed.",
    "bad.json, contents[3], minimum_age: Expected a number, found 'twelve'.",
    "bad.json, contents[4], organization_id: Unknown reference: no organization with id "
    "0a5e5b3e-8f4f-4a39-9f3c-0000000000ff.",
    "bad.json, contents[5], colour: Not a field of service in HSDS 3.0.",
]


def test_a_malformed_file_gives_row_level_messages_and_imports_nothing(tmp_path):
    path = _write(tmp_path, "bad.json", {"contents": BAD_SERVICES})
    before = snapshot()
    with pytest.raises(ImportFailed) as failed:
        import_rows(read(path))
    assert [str(p) for p in failed.value.problems] == EXPECTED
    assert snapshot() == before
    with pytest.raises(CommandError, match="Nothing imported: 6 problems"):
        run("import", str(path))
    assert not m.Service.objects.exists()


def test_skip_invalid_imports_the_rest_and_lists_the_bad_rows(tmp_path):
    path = _write(tmp_path, "bad.json", {"contents": BAD_SERVICES})
    out, err = run("import", "--skip-invalid", str(path))
    assert list(m.Service.objects.values_list("name", flat=True)) == ["Good"]
    listed = [line for line in err.splitlines() if line.startswith("skipped: ")]
    assert listed == [f"skipped: {line}" for line in EXPECTED]
    assert out.splitlines()[-1] == "Imported: 1 new, 0 changed, 0 unchanged, 6 rows skipped."


def test_rows_that_need_a_skipped_row_are_skipped_too(tmp_path):
    service = {"id": "0a5e5b3e-8f4f-4a39-9f3c-000000000010", "status": "active"}  # no name
    phone = {"id": "0a5e5b3e-8f4f-4a39-9f3c-000000000011", "number": "1"}
    service["phones"] = [phone]
    path = _write(tmp_path, "service.json", service)
    report = import_rows(read(path), skip_invalid=True)
    assert [p.field for p in report.problems] == ["name", "service_id"]
    assert not m.Phone.objects.exists()


def test_csv_problems_name_the_file_row_and_field(tmp_path):
    folder = tmp_path / "package"
    folder.mkdir()
    (folder / "organizations.csv").write_text(
        "id,name,description,year_incorporated\n"
        "0a5e5b3e-8f4f-4a39-9f3c-000000000020,Org,About,1999\n"
        "0a5e5b3e-8f4f-4a39-9f3c-000000000021,,About,nineteen\n"
    )
    (folder / "services.csv").write_text(
        "id,organization_id,name,status\n"
        "0a5e5b3e-8f4f-4a39-9f3c-000000000022,0a5e5b3e-8f4f-4a39-9f3c-000000000020,S,active\n"
        "0a5e5b3e-8f4f-4a39-9f3c-000000000022,0a5e5b3e-8f4f-4a39-9f3c-000000000020,S,active\n"
    )
    with pytest.raises(ImportFailed) as failed:
        import_rows(read(folder))
    assert [str(p) for p in failed.value.problems] == [
        "organizations.csv, row 3, name: Required, but missing.",
        "organizations.csv, row 3, year_incorporated: Expected a number, found 'nineteen'.",
        "services.csv, row 3, id: This id is already used on row 2.",
    ]
    assert not m.Organization.objects.exists()


def test_a_file_that_is_not_json_is_one_clear_message(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{not json")
    with pytest.raises(CommandError, match="broken.json, : Not valid JSON"):
        run("import", str(path))
