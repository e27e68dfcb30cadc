"""Shared fixtures: the real OCR sample and its ground truth."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
BENCHMARKS = CORPORA.parent / "benchmarks"


def load_script(path: Path, name: str) -> ModuleType:
    """A script of ``benchmarks/`` imported as the module ``name`` (scripts are no package)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def seed_ocr() -> str:
    return (CORPORA / "seed" / "un_draft_migration.ocr.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gt() -> str:
    return (CORPORA / "seed" / "un_draft_migration.gt.txt").read_text(encoding="utf-8")
