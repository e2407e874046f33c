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


def make_would_run(folder, python):
    shutil.copy(CHECKOUT / "Makefile", folder / "Makefile")
    (folder / "pyproject.toml").touch()
    os.utime(folder / "pyproject.toml", (0, 0))  # older than any .installed
    return make("-n", "install", f"PYTHON={python}", folder=folder)


def test_a_venv_of_another_interpreter_is_made_anew(tmp_path):
    wanted = stand_in(tmp_path / "system" / "python3", "/usr/bin/python3.11")
    stand_in(tmp_path / ".venv" / "bin" / "python", "/root/.pyenv/versions/3.11.7/bin/python3.11")
    (tmp_path / ".venv" / ".installed").touch()
    commands = make_would_run(tmp_path, wanted)
    assert "war mit /root/.pyenv/versions/3.11.7/bin/python3.11 angelegt" in commands
    assert "rm -rf .venv" in commands
    assert f"{wanted} -m venv .venv" in commands


def test_a_venv_of_the_chosen_interpreter_is_kept(tmp_path):
    wanted = stand_in(tmp_path / "system" / "python3", "/usr/bin/python3.11")
    stand_in(tmp_path / ".venv" / "bin" / "python", "/usr/bin/python3.11")
    (tmp_path / ".venv" / ".installed").touch()
    commands = make_would_run(tmp_path, wanted)
    assert "Nothing to be done" in commands
    assert "venv" not in commands.replace("for 'install'", "")


def test_without_a_venv_one_is_made_with_the_chosen_interpreter(tmp_path):
    wanted = stand_in(tmp_path / "system" / "python3", "/usr/bin/python3.11")
    commands = make_would_run(tmp_path, wanted)
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
