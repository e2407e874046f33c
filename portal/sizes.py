"""Sizes a machine checks (`make lint`): no module over 400 lines, no view over 30.

A module that grows past 400 lines is split by topic; a view that grows past 30 lines
hands its work to a form, a QuerySet method or a service function. Migrations and tests
are not counted. Views are every function and method of the `views` modules (and of
`views/` packages), every method of a class-based view anywhere (a class with a base
named `…View`, say `get_context_data`, or with a base of the checkout that is one, at
any depth: `class Imprint(PortalPage)` when `class PortalPage(TemplateView)`), and
anywhere else every function or method that answers a request: its first argument
(after `self`) is `request` — admin views, middleware, the API's handlers,
`team_views.py`. Classes inside classes count too.
Cyclomatic complexity is ruff's (C901, pyproject.toml).

    python -m portal.sizes [path ...]     # the checkout by default; exit status 1 on a finding
"""

import ast
import sys
from pathlib import Path

MAX_MODULE_LINES = 400
MAX_VIEW_LINES = 30
# Not the portal's code: generated, copied for measurements, or installed.
SKIPPED_DIRS = {"migrations", "tests", "node_modules", "staticfiles", "media", "__pycache__"}
VIEW_MODULES = {"views.py"}


def python_files(root):
    if root.is_file():
        yield root
        return
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).parts[:-1]
        if any(part in SKIPPED_DIRS or part.startswith(".") for part in parts):
            continue
        yield path


def is_view_module(path):
    return path.name in VIEW_MODULES or "views" in path.parent.parts[-1:]


def takes_request(node):
    names = [argument.arg for argument in node.args.posonlyargs + node.args.args]
    if names[:1] in (["self"], ["cls"]):
        names = names[1:]
    return names[:1] == ["request"]


def base_names(node):
    return [base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", "") for base in node.bases]


def view_classes(trees):
    """The names of the class-based views among the classes of `trees`: a base named
    `…View` (`DetailView`, `generic.View`), or a base that is such a class of the checkout."""
    classes = [node for tree in trees for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    views = set()
    while True:
        found = {
            node.name for node in classes
            if any(name.endswith("View") or name in views for name in base_names(node))
        }
        if found <= views:
            return views
        views |= found


def functions(body, views, prefix="", in_view_class=False):
    """(name, node, whether it belongs to a class-based view) of the functions in `body`
    and of the methods of its classes, classes inside classes included; `views` names
    the class-based views."""
    for node in body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield f"{prefix}{node.name}", node, in_view_class
        elif isinstance(node, ast.ClassDef):
            of_view = in_view_class or node.name in views
            yield from functions(node.body, views, f"{prefix}{node.name}.", of_view)


def findings(root):
    root = Path(root)
    sources = {path: path.read_text(encoding="utf-8") for path in python_files(root)}
    trees = {path: ast.parse(source, filename=str(path)) for path, source in sources.items()}
    views = view_classes(trees.values())
    for path, source in sources.items():
        lines = source.count("\n") + (0 if source.endswith("\n") or not source else 1)
        if lines > MAX_MODULE_LINES:
            yield f"{path}: {lines} Zeilen (höchstens {MAX_MODULE_LINES}); nach Themen aufteilen"
        in_views = is_view_module(path)
        for name, node, of_view_class in functions(trees[path].body, views):
            if not (in_views or of_view_class or takes_request(node)):
                continue
            length = node.end_lineno - node.lineno + 1
            if length > MAX_VIEW_LINES:
                yield (
                    f"{path}:{node.lineno}: View {name} hat {length} Zeilen (höchstens {MAX_VIEW_LINES})"
                )


def main(argv):
    found = [finding for root in (argv or ["."]) for finding in findings(root)]
    for finding in found:
        print(finding)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
