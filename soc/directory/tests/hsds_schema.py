"""The official HSDS 3.0 schemas from ../shared/standards, made strict, with references resolved
locally: no network, and no copy of the schemas in the project."""

import copy
import functools
import json
from pathlib import Path

from django.conf import settings
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

STANDARD = Path(settings.BASE_DIR).parent / "shared" / "standards" / "hsds-3.0"
SCHEMA_DIR = STANDARD / "schema"
EXAMPLES = STANDARD / "examples"
BASE_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"


def strict(schema):
    """The schema with every object closed: a key the standard does not define is an error."""
    schema = copy.deepcopy(schema)

    def close(node):
        if isinstance(node, dict):
            if node.get("type") == "object" or "properties" in node:
                node.setdefault("additionalProperties", False)
            for value in node.values():
                close(value)
        elif isinstance(node, list):
            for value in node:
                close(value)

    close(schema)
    return schema


@functools.cache
def registry():
    resources = []
    for path in [*SCHEMA_DIR.glob("*.json"), *SCHEMA_DIR.glob("compiled/*.json")]:
        if path.name == "openapi.json":
            continue
        url = BASE_URL + str(path.relative_to(SCHEMA_DIR))
        schema = strict(json.loads(path.read_text()))
        schema["$id"] = url
        resources.append((url, Resource.from_contents(schema, default_specification=DRAFT202012)))
    return Registry().with_resources(resources)


@functools.cache
def validator(name):
    """A strict validator for one schema, by its path under schema/ ("compiled/service.json")."""
    return Draft202012Validator(
        {"$ref": BASE_URL + name},
        registry=registry(),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


PAGE_KEYS = {
    "total_items": int,
    "total_pages": int,
    "page_number": int,
    "size": int,
    "first_page": bool,
    "last_page": bool,
    "empty": bool,
    "contents": list,
}


def problems(document, name):
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator(name).iter_errors(document)
    ]


def assert_valid(document, name):
    found = problems(document, name)
    assert not found, "\n".join(found)


def assert_valid_page(page, item_name):
    """The OpenAPI Page shape, exactly, with every item valid against `item_name`."""
    assert set(page) == set(PAGE_KEYS), set(page) ^ set(PAGE_KEYS)
    for key, kind in PAGE_KEYS.items():
        assert type(page[key]) is kind, (key, page[key])
    assert page["size"] == len(page["contents"])
    for item in page["contents"]:
        assert_valid(item, item_name)
