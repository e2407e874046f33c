"""Every place that works outside the active alliance's scope is declared, with its reason.

The code is read, not run: every use of `scopes_disabled`, of a model's unscoped
`_base_manager`, of `with_scopes_disabled()` and of raw SQL (`.raw()`, `.extra()`,
`RawSQL`, a database cursor) in the portal's packages is found with `ast` and must
stand in `buendnis.tenancy.ACROSS_ALLIANCES`; a declared place that no longer
exists must leave the list too.
"""

import ast
from pathlib import Path

from django.conf import settings

from buendnis.tenancy import ACROSS_ALLIANCES

PACKAGES = [
    "portal", "buendnis", "partners", "arbeitsgruppen", "events", "opendata", "cockpit", "demo", "bench",
]
ATTRIBUTES = {"_base_manager", "with_scopes_disabled", "raw", "extra", "cursor"}
NAMES = {"scopes_disabled", "RawSQL"}


def _places(tree, module):
    """{"module:function": {marks}} for one module."""
    found = {}

    def visit(node, names):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names = [*names, node.name]
        mark = None
        if isinstance(node, ast.Attribute) and node.attr in ATTRIBUTES:
            mark = node.attr
        elif isinstance(node, ast.Name) and node.id in NAMES:
            mark = node.id
        elif isinstance(node, ast.alias) and node.name in NAMES:
            mark = None  # importing it is not using it
        if mark:
            found.setdefault(f"{module}:{'.'.join(names) or '<module>'}", set()).add(mark)
        for child in ast.iter_child_nodes(node):
            visit(child, names)

    visit(tree, [])
    return found


def crossings(base):
    found = {}
    for package in PACKAGES:
        for path in sorted((base / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            module = ".".join(path.relative_to(base).with_suffix("").parts)
            found.update(_places(ast.parse(path.read_text(encoding="utf-8")), module))
    return found


def test_every_place_across_alliances_is_declared_with_its_reason():
    found = crossings(Path(settings.BASE_DIR))
    assert found, "the scan found nothing: it no longer reads the code"
    undeclared = {place: sorted(marks) for place, marks in found.items() if place not in ACROSS_ALLIANCES}
    assert not undeclared, (
        "Reads across alliances that buendnis.tenancy.ACROSS_ALLIANCES does not name (add each with "
        f"its reason, or keep the code in the alliance's scope): {undeclared}"
    )
    gone = sorted(set(ACROSS_ALLIANCES) - set(found))
    assert not gone, f"Declared in ACROSS_ALLIANCES but no longer in the code: {gone}"
    assert all(len(reason) > 20 for reason in ACROSS_ALLIANCES.values())


def test_the_scan_finds_each_kind_of_crossing():
    source = '''
def one():
    with scopes_disabled():
        pass

class Two:
    def three(self):
        Partner._base_manager.filter()
        Account.objects.with_scopes_disabled()
        Partner.objects.raw("SELECT 1")
        Partner.objects.extra(where=["1"])
        RawSQL("SELECT 1", [])
        with connection.cursor() as cursor:
            pass
'''
    found = _places(ast.parse(source), "example")
    assert found == {
        "example:one": {"scopes_disabled"},
        "example:Two.three": {"_base_manager", "with_scopes_disabled", "raw", "extra", "RawSQL", "cursor"},
    }
