"""The pre-commit hooks for real: ``pre-commit try-repo`` on a repository with a dirty OCR file.

pre-commit installs ocrfix from a committed copy of this project into its own environment
(from the package index: slow, hence ``slow``; CI still runs it).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_FILES = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "ocrfix")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(
        importlib.util.find_spec("pre_commit") is None,
        reason="pre-commit is not installed (pip install '.[test]')",
    ),
]


def git(*args: str, cwd: Path, env: dict[str, str]) -> None:
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def commit_all(repo: Path, env: dict[str, str]) -> None:
    git("init", "-q", cwd=repo, env=env)
    git("add", "-A", cwd=repo, env=env)
    git("-c", "user.name=ocrfix tests", "-c", "user.email=tests@ocrfix.invalid", "commit",
        "-q", "-m", "snapshot", cwd=repo, env=env)  # fmt: skip


def test_hooks_fail_on_ocr_damage_repair_it_then_pass(tmp_path: Path, seed_ocr: str) -> None:
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_CONFIG_GLOBAL": os.devnull,  # no user hooks, signing or templates
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    env.pop("PYTHONPATH", None)  # the hooks must run the ocrfix that pre-commit installed

    # A committed copy of the project as it is now (a clean clone or a dirty work tree alike).
    project = tmp_path / "project"
    project.mkdir()
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, project / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
            )
        else:
            shutil.copy2(source, project / name)
    commit_all(project, env)

    # A repository holding a page of real OCR output.
    work = tmp_path / "work"
    work.mkdir()
    fragment = "\n".join(seed_ocr.splitlines()[12:42]) + "\n"
    assert "Devel opment" in fragment and "A/C.2/61/L .12" in fragment
    draft = work / "draft.txt"
    draft.write_text(fragment, encoding="utf-8")
    (work / "notes.py").write_text("x = 'Devel opment'\n")  # not *.txt: never touched
    commit_all(work, env)

    def try_repo(hook: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(project), hook, "--all-files"],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )

    check = try_repo("ocrfix")
    assert check.returncode == 1, check.stdout + check.stderr
    assert "-Recalling Commission on Population and Devel opment" in check.stdout
    assert "+Recalling Commission on Population and Development" in check.stdout
    assert draft.read_text(encoding="utf-8") == fragment  # the check changed nothing

    fix = try_repo("ocrfix-fix")
    assert fix.returncode == 1, fix.stdout + fix.stderr  # pre-commit fails a hook that edits
    assert "files were modified by this hook" in fix.stdout
    fixed = draft.read_text(encoding="utf-8")
    assert "Population and Development resolution" in fixed
    assert "A/C.2/61/L.12" in fixed
    assert (work / "notes.py").read_text() == "x = 'Devel opment'\n"

    again = try_repo("ocrfix")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Passed" in again.stdout
