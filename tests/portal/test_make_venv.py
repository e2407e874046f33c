"""`make` makes .venv with the system's Python where it is 3.11 or newer, and makes it
anew when it was made with another interpreter (Makefile, README "Ein optimiertes
Python"). Checked with `make -n` (what make would run) in a copy of the Makefile, with
stand-in interpreters that only say where they live."""

import os
import shutil
import stat
import subprocess
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]


def stand_in(path, lives_at):
    """A "python" that prints `lives_at` for the Makefile's question where it lives."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\necho {lives_at}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def make(*arguments, folder=CHECKOUT):
    """`make` as a developer's shell runs it: no PYTHON or flags of an outer make."""
    environment = {key: value for key, value in os.environ.items()
                   if key not in {"PYTHON", "MAKEFLAGS", "MAKELEVEL", "MFLAGS"}}
    return subprocess.run(["make", *arguments], cwd=folder, env=environment,
                          capture_output=True, text=True, check=True).stdout


SYSTEM_PYTHON = "/usr/bin/python3.11"


def make_would_run(folder, venv_made_with=None):
    """(the chosen python, what `make install` would run) in a copy of the Makefile, with a
    .venv made with `venv_made_with` (none if None)."""
    wanted = stand_in(folder / "system" / "python3", SYSTEM_PYTHON)
    if venv_made_with:
        stand_in(folder / ".venv" / "bin" / "python", venv_made_with)
        (folder / ".venv" / ".installed").touch()
    shutil.copy(CHECKOUT / "Makefile", folder / "Makefile")
    (folder / "pyproject.toml").touch()
    os.utime(folder / "pyproject.toml", (0, 0))  # older than any .installed
    return wanted, make("-n", "install", f"PYTHON={wanted}", folder=folder)


def test_a_venv_of_another_interpreter_is_made_anew(tmp_path):
    wanted, commands = make_would_run(tmp_path, "/root/.pyenv/versions/3.11.7/bin/python3.11")
    assert "war mit /root/.pyenv/versions/3.11.7/bin/python3.11 angelegt" in commands
    assert "rm -rf .venv" in commands
    assert f"{wanted} -m venv .venv" in commands


def test_a_venv_of_the_chosen_interpreter_is_kept(tmp_path):
    _wanted, commands = make_would_run(tmp_path, SYSTEM_PYTHON)
    assert "Nothing to be done" in commands
    assert "venv" not in commands.replace("for 'install'", "")


def test_without_a_venv_one_is_made_with_the_chosen_interpreter(tmp_path):
    wanted, commands = make_would_run(tmp_path)
    assert "rm -rf" not in commands
    assert f"{wanted} -m venv .venv" in commands


def test_the_systems_python_is_chosen_where_it_is_new_enough():
    chosen = next(line.split(":=", 1)[1].strip() for line in make("-n", "-p", "install").splitlines()
                  if line.startswith("PYTHON :="))
    system_is_new_enough = subprocess.run(
        ["/usr/bin/python3", "-c", "import ensurepip, sys; sys.exit(sys.version_info < (3, 11))"],
        capture_output=True, check=False,
    ).returncode == 0
    assert chosen == ("/usr/bin/python3" if system_is_new_enough else "python3")
