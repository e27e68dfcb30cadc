"""Shared fixtures: the real OCR sample and its ground truth."""

from __future__ import annotations

from pathlib import Path

import pytest

CORPORA = Path(__file__).resolve().parent.parent / "corpora"


@pytest.fixture(scope="session")
def seed_ocr() -> str:
    return (CORPORA / "seed" / "un_draft_migration.ocr.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gt() -> str:
    return (CORPORA / "seed" / "un_draft_migration.gt.txt").read_text(encoding="utf-8")
