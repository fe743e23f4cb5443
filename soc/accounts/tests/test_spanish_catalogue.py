"""The Spanish catalogue is complete and honest: every string in the code has a reviewed translation.

How: Django's own `makemessages` (the command the README gives) runs on a throw-away copy of the
repository, so the working tree is never touched. Its catalogue starts as a copy of the committed
one, so after the merge any string in the code that the committed catalogue lacks shows up as an
empty or "fuzzy" entry. The committed catalogue itself must have no empty and no fuzzy entry, the
same placeholders as the English, and compile with `msgfmt --check-format`. A few key strings are
then looked up through Django's real gettext, from a .mo compiled fresh from the committed .po.
No database is needed.
"""

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import translation

REPO = Path(__file__).resolve().parents[3]
PO = REPO / "soc" / "locale" / "es" / "LC_MESSAGES" / "django.po"
MAKEMESSAGES = [
    "makemessages",
    "-l",
    "es",
    "--no-location",
    "--ignore=.venv",
    "--ignore=node_modules",
    "--ignore=var",
    "--ignore=bench",
    "-e",
    "html,txt,py",
]
# What makemessages is told to ignore, plus what git ignores; never copied to the scratch tree.
NOT_COPIED = {".venv", "node_modules", "var", "bench", "test-artifacts", "staticfiles", "build"}
GETTEXT_TOOLS = ("xgettext", "msguniq", "msgmerge", "msgfmt")
PLACEHOLDER = re.compile(r"%\((\w+)\)[-#0 +]*\d*(?:\.\d+)?[a-z]|\{\{\s*(\w+)\s*\}\}")


@pytest.fixture(autouse=True, scope="module")
def _gettext_tools():
    missing = [tool for tool in GETTEXT_TOOLS if shutil.which(tool) is None]
    if not missing:
        return
    message = (
        "!!!!! GNU gettext is missing (" + ", ".join(missing) + "): the Spanish catalogue is "
        "NOT CHECKED. Install it with `apt-get install gettext`. !!!!!"
    )
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


def parse_po(text):
    """The live entries of a .po file as dicts: msgid, msgid_plural, msgctxt, msgstr (a list), flags.

    Obsolete entries (#~) and comments, previous msgids (#|) included, are left out.
    """
    entries, entry, field = [], None, None
    for line in [*text.splitlines(), ""]:
        line = line.strip()
        if not line:  # a blank line ends an entry
            if entry and entry["msgid"] is not None:
                entries.append(entry)
            entry = None
            continue
        if entry is None:
            entry = {
                "msgctxt": None,
                "msgid": None,
                "msgid_plural": None,
                "msgstr": [],
                "flags": set(),
            }
        if line.startswith("#,"):
            entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):  # continues the last keyword's string
            if field == "msgstr":
                entry["msgstr"][-1] += ast.literal_eval(line)
            else:
                entry[field] += ast.literal_eval(line)
        else:
            keyword, _, value = line.partition(" ")
            field = "msgstr" if keyword.startswith("msgstr") else keyword
            if field == "msgstr":
                entry["msgstr"].append(ast.literal_eval(value))
            else:
                entry[field] = ast.literal_eval(value)
    return entries


def _label(entry):
    return repr(entry["msgid"]) + (
        f" (plural {entry['msgid_plural']!r})" if entry["msgid_plural"] else ""
    )


def _problems(entries):
    """Entries that are empty, partly empty or fuzzy."""
    found = []
    for entry in entries:
        if not entry["msgid"]:
            continue
        if "fuzzy" in entry["flags"]:
            found.append("fuzzy: " + _label(entry))
        elif not entry["msgstr"] or not all(entry["msgstr"]):
            found.append("untranslated: " + _label(entry))
    return found


def _placeholders(text):
    return {a or b for a, b in PLACEHOLDER.findall(text)}


@pytest.fixture(scope="module")
def committed():
    return parse_po(PO.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The catalogue makemessages makes from today's code, merged into a copy of the committed one."""
    scratch = tmp_path_factory.mktemp("catalogue") / "repo"

    def ignore(directory, names):
        top = Path(directory) == REPO
        return {
            name
            for name in names
            if name == "__pycache__"
            or name.endswith((".pyc", ".mo"))
            or (top and (name in NOT_COPIED or name.startswith(".") or name.endswith(".egg-info")))
        }

    shutil.copytree(REPO, scratch, ignore=ignore)
    # Run from the copy: `soc` is imported from there, so BASE_DIR and LOCALE_PATHS point into it.
    env = {**os.environ, "PYTHONPATH": str(scratch), "DJANGO_SETTINGS_MODULE": "soc.settings"}
    result = subprocess.run(  # noqa: S603 - our own command line, no outside input
        [sys.executable, "-m", "django", *MAKEMESSAGES],
        cwd=scratch,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    written = scratch / PO.relative_to(REPO)
    return parse_po(written.read_text(encoding="utf-8"))


def test_the_catalogue_is_spanish_with_two_plural_forms(committed):
    header_entry = next(entry for entry in committed if entry["msgid"] == "")
    assert "fuzzy" not in header_entry["flags"], "a fuzzy header is ignored by msgfmt"
    header = header_entry["msgstr"][0]
    assert "Language: es\n" in header
    assert "Plural-Forms: nplurals=2; plural=(n != 1);\n" in header
    assert "charset=UTF-8" in header


def test_every_committed_entry_is_translated_and_reviewed(committed):
    problems = _problems(committed)
    assert not problems, f"{PO.relative_to(REPO)} has entries to translate:\n" + "\n".join(problems)


def test_translations_keep_the_placeholders(committed):
    wrong = []
    for entry in committed:
        if not entry["msgid"]:
            continue
        english = _placeholders(entry["msgid"]) | _placeholders(entry["msgid_plural"] or "")
        for index, spanish in enumerate(entry["msgstr"]):
            used = _placeholders(spanish)
            # The singular form (n == 1) may leave out the number; nothing may be invented.
            ok = used <= english if entry["msgid_plural"] and index == 0 else used == english
            if spanish and not ok:
                wrong.append(f"{_label(entry)}: {sorted(english)} != {spanish!r}")
    assert not wrong, "Placeholders differ:\n" + "\n".join(wrong)


def test_the_catalogue_compiles_with_format_checks(tmp_path):
    result = subprocess.run(  # noqa: S603 - gettext's msgfmt on our own file
        [shutil.which("msgfmt"), "--check-format", "-o", str(tmp_path / "django.mo"), str(PO)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_every_string_in_the_code_has_a_spanish_translation(extracted):
    msgids = {entry["msgid"] for entry in extracted}
    # The extraction really ran over templates, Python code and plain-text e-mails.
    assert {"Sign in", "Child and Family Team", "Hello %(name)s,"} <= msgids
    problems = _problems(extracted)
    assert not problems, (
        "These strings in the code have no reviewed Spanish translation. From the repository run\n"
        "  .venv/bin/soc " + " ".join(MAKEMESSAGES) + "\n"
        f"then translate them in {PO.relative_to(REPO)} and remove any 'fuzzy' flag:\n"
        + "\n".join(problems)
    )


@pytest.fixture
def in_spanish(settings, tmp_path):
    """Django's gettext reading a .mo compiled just now from the committed .po."""
    mo = tmp_path / "locale" / "es" / "LC_MESSAGES" / "django.mo"
    mo.parent.mkdir(parents=True)
    msgfmt = [shutil.which("msgfmt"), "-o", str(mo), str(PO)]
    subprocess.run(msgfmt, check=True, timeout=60)  # noqa: S603 - gettext on our own file
    settings.LOCALE_PATHS = [tmp_path / "locale"]  # the setting_changed signal resets gettext
    with translation.override("es"):
        yield


@pytest.mark.parametrize(
    ("english", "spanish"),
    [
        ("Sign in", "Iniciar sesión"),
        ("Sign out", "Cerrar sesión"),
        ("Child and Family Team", "Equipo de Niños y Familia"),
        ("System of Care", "Sistema de Cuidado"),
        ("Caregiver", "Cuidador(a)"),
        ("Facilitator", "Facilitador(a)"),
        ("Natural support", "Apoyo natural"),
        ("Family partner", "Compañero(a) de familia"),
        ("FIPS code", "código FIPS"),
        ("LME/MCO", "LME/MCO"),
        ("E-mail", "Correo electrónico"),
        ("Team meeting", "Reunión del equipo"),
        ("Substance use (42 CFR Part 2)", "Uso de sustancias (42 CFR Part 2)"),
    ],
)
def test_key_strings_read_in_spanish(in_spanish, english, spanish):
    assert translation.gettext(english) == spanish


def test_plurals_and_template_variables_read_in_spanish(in_spanish):
    one, many = "%(n)s open next step", "%(n)s open next steps"
    assert translation.ngettext(one, many, 1) % {"n": 1} == "1 próximo paso pendiente"
    assert translation.ngettext(one, many, 3) % {"n": 3} == "3 próximos pasos pendientes"
    template = Template(
        "{% load i18n %}{% blocktrans with name=who %}Hello {{ name }},{% endblocktrans %}"
    )
    assert template.render(Context({"who": "Ana"})) == "Hola, Ana:"
