"""`make lint` fails on a module over 400 lines, on a view over 30 (portal/sizes.py; a view
is also any method of a class-based view, wherever it lives) and on a function with a
cyclomatic complexity over 15 (ruff, C901, pyproject.toml)."""

import subprocess
import sys
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]


def check_sizes(path):
    """The size check as `make lint` runs it."""
    return subprocess.run(
        [sys.executable, "-m", "portal.sizes", str(path)],
        cwd=CHECKOUT, capture_output=True, text=True, check=False,
    )


def test_a_module_of_401_lines_fails(tmp_path):
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "big.py").write_text("x = 1\n" * 401)
    result = check_sizes(tmp_path)
    assert result.returncode == 1
    assert "big.py: 401 Zeilen (höchstens 400)" in result.stdout


def test_a_module_of_400_lines_passes(tmp_path):
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "fine.py").write_text("x = 1\n" * 400)
    result = check_sizes(tmp_path)
    assert result.returncode == 0, result.stdout


def test_migrations_and_tests_are_not_counted(tmp_path):
    for folder in ("migrations", "tests"):
        (tmp_path / "app" / folder).mkdir(parents=True)
        (tmp_path / "app" / folder / "long.py").write_text("x = 1\n" * 500)
    assert check_sizes(tmp_path).returncode == 0


def test_a_view_of_31_lines_fails(tmp_path):
    (tmp_path / "app").mkdir()
    body = "".join(f"    x{number} = {number}\n" for number in range(29))
    (tmp_path / "app" / "views.py").write_text(f"def long_view(request):\n{body}    return x0\n")
    result = check_sizes(tmp_path)
    assert result.returncode == 1
    assert "View long_view hat 31 Zeilen" in result.stdout


def test_a_method_of_a_class_based_view_counts_too(tmp_path):
    (tmp_path / "views").mkdir()
    body = "".join(f"        x{number} = {number}\n" for number in range(30))
    (tmp_path / "views" / "pages.py").write_text(f"class Page:\n    def get(self, request):\n{body}")
    result = check_sizes(tmp_path)
    assert result.returncode == 1
    assert "View Page.get hat 31 Zeilen" in result.stdout


def test_a_function_that_answers_a_request_counts_in_any_module(tmp_path):
    (tmp_path / "app").mkdir()
    body = "".join(f"        x{number} = {number}\n" for number in range(30))
    (tmp_path / "app" / "team_views.py").write_text(f"def invite(request):\n{body}")
    admin_view = f"class Admin:\n    def changelist_view(self, request):\n{body}"
    (tmp_path / "app" / "admin.py").write_text(admin_view)
    (tmp_path / "app" / "helpers.py").write_text(f"def long_helper(rows):\n{body}")
    result = check_sizes(tmp_path)
    assert result.returncode == 1
    assert "View invite hat 31 Zeilen" in result.stdout
    assert "View Admin.changelist_view hat 31 Zeilen" in result.stdout
    assert "long_helper" not in result.stdout


def test_the_checkout_keeps_its_sizes():
    result = check_sizes(CHECKOUT)
    assert result.returncode == 0, result.stdout


def test_a_method_of_a_class_based_view_counts_in_any_module(tmp_path):
    (tmp_path / "app").mkdir()
    body = "".join(f"        x{number} = {number}\n" for number in range(30))
    (tmp_path / "app" / "easy.py").write_text(
        f"from django.views.generic import DetailView\n\n\nclass Easy(DetailView):\n"
        f"    def get_context_data(self, **kwargs):\n{body}"
    )
    result = check_sizes(tmp_path)
    assert result.returncode == 1
    assert "View Easy.get_context_data hat 31 Zeilen" in result.stdout


def test_a_view_whose_base_is_a_view_of_the_checkout_counts_too(tmp_path):
    """`Imprint` names no `…View` base, but its base, in another module, is one."""
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "pages.py").write_text(
        "from django.views.generic import TemplateView\n\n\nclass PortalPage(TemplateView):\n    pass\n"
    )
    body = "".join(f"        x{number} = {number}\n" for number in range(30))
    (tmp_path / "app" / "legal.py").write_text(
        f"from app.pages import PortalPage\n\n\nclass Imprint(PortalPage):\n"
        f"    def get_context_data(self, **kwargs):\n{body}"
    )
    result = check_sizes(tmp_path)
    assert result.returncode == 1
    assert "View Imprint.get_context_data hat 31 Zeilen" in result.stdout


def test_a_method_of_a_class_inside_a_class_counts_too(tmp_path):
    (tmp_path / "app").mkdir()
    body = "".join(f"            x{number} = {number}\n" for number in range(30))
    nested = f"class Outer:\n    class Inner:\n        def get(self):\n{body}"
    (tmp_path / "app" / "views.py").write_text(nested)
    result = check_sizes(tmp_path)
    assert result.returncode == 1
    assert "View Outer.Inner.get hat 31 Zeilen" in result.stdout


def ruff(path):
    """ruff with the project's settings (pyproject.toml), as `make lint` runs it."""
    return subprocess.run(
        [str(Path(sys.executable).with_name("ruff")), "check", "--config", str(CHECKOUT / "pyproject.toml"),
         "--select", "C901", "--no-cache", str(path)],
        cwd=CHECKOUT, capture_output=True, text=True, check=False,
    )


def branching(name, branches):
    """A function whose cyclomatic complexity is `branches` + 1."""
    body = "".join(f"    if x == {number}:\n        return {number}\n" for number in range(branches))
    return f"def {name}(x):\n{body}    return None\n"


def test_a_function_with_complexity_16_fails_and_15_passes(tmp_path):
    (tmp_path / "tangled.py").write_text(branching("tangled", 15))
    (tmp_path / "fine.py").write_text(branching("fine", 14))
    result = ruff(tmp_path)
    assert result.returncode == 1
    assert "`tangled` is too complex (16 > 15)" in result.stdout
    assert "fine" not in result.stdout
