"""benchmarks/snapshot.py: the fingerprint that shows a change left the output alone."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from conftest import load_script

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "snapshot.py"


@pytest.fixture(scope="module")
def snapshot() -> ModuleType:
    return load_script(SCRIPT, "snapshot_tool")


def test_covers_every_level_the_seed_and_clean_english(snapshot: ModuleType) -> None:
    names = [str(p.relative_to(snapshot.CORPORA)) for p in snapshot.corpus_files()]
    for part in ("-light.ocr.txt", "-medium.ocr.txt", "-heavy.ocr.txt", "seed/", "clean/"):
        assert any(part in name for name in names), part


def test_save_then_check_and_a_changed_output_is_caught(
    snapshot: ModuleType,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    files = [p for p in snapshot.corpus_files() if "seed" in p.parts][:2]
    monkeypatch.setattr(snapshot, "corpus_files", lambda: files)
    saved = tmp_path / "snap.json"
    assert snapshot.main(["save", "--file", str(saved)]) == 0
    assert snapshot.main(["check", "--file", str(saved)]) == 0
    # Another output for one file (as a change of a fixer would make): found and named.
    real = snapshot.fingerprints
    monkeypatch.setattr(
        snapshot,
        "fingerprints",
        lambda fs: {**real(fs), str(files[0].relative_to(snapshot.CORPORA)): "0"},
    )
    capsys.readouterr()
    assert snapshot.main(["check", "--file", str(saved)]) == 1
    assert files[0].name in capsys.readouterr().out


def test_check_without_a_snapshot_is_a_clear_error(
    snapshot: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert snapshot.main(["check", "--file", str(tmp_path / "none.json")]) == 2
    assert "run save first" in capsys.readouterr().err
