"""The learned OCR error model: alignment, learning, the table file, and its use by the fixers."""

from __future__ import annotations

from pathlib import Path

import pytest

import ocrfix
from ocrfix import error_model
from ocrfix.calibration import default_calibration
from ocrfix.cli import main
from ocrfix.confusions import BUILT_IN, ConfusionTable
from ocrfix.pipeline import ConfigError

SEED = Path(__file__).resolve().parent.parent / "corpora" / "seed"


def test_confusions_of_real_misreadings() -> None:
    assert list(error_model.confusions_in("Requests", "Reguests")) == [("g", "q")]
    assert list(error_model.confusions_in("International", "Intemational")) == [("m", "rn")]
    assert list(error_model.confusions_in("Development", "Development")) == []
    # debris, not a confusion
    assert list(error_model.confusions_in("Development", "Dxyzwvqment")) == []


def test_words_align_one_to_one_around_a_merged_word() -> None:
    gt = "11. Decides to include in the provisional agenda"
    ocr = "11. Decidesto inciude in the provisional agenda"
    pairs = list(error_model.aligned_words(gt, ocr))
    assert ("agenda", "agenda") in pairs and ("provisional", "provisional") in pairs
    assert ("to", "inciude") not in pairs  # the merge shifted them: not a confusion


def _scanner(text: str) -> str:
    """A scanner of our own that reads every ``s`` as ``k``."""
    return text.replace("s", "k")


def _learned(tmp_path: Path) -> Path:
    gt = (SEED / "un_draft_migration.gt.txt").read_text(encoding="utf-8")
    for k in range(3):
        (tmp_path / f"page{k}.gt.txt").write_text(gt, encoding="utf-8")
        (tmp_path / f"page{k}-light.ocr.txt").write_text(_scanner(gt), encoding="utf-8")
    out = tmp_path / "scanner.ocrfix"
    assert main(["learn", str(tmp_path), "-o", str(out)]) == 0
    return out


def test_a_learned_confusion_is_repaired_afterwards(tmp_path: Path) -> None:
    # (Words with two: one letter misread, a long word is repaired by any table.)
    text = "the issues of the missions of the Assembly"
    misread = _scanner(text)
    for table in (BUILT_IN, error_model.default_table()):
        assert ("k", "s") not in {(r, p) for r, p, _ in table.entries}
    assert ocrfix.fix(misread) == misread  # the default model knows no such confusion
    learned = ocrfix.Pipeline(model=_learned(tmp_path))
    assert learned.fix(misread) == text
    # what the built-in table repairs, the extended one still does
    assert learned.fix("Reguests the Secretary-General") == "Requests the Secretary-General"
    # and the default pipeline, sharing the lexicon and its memos, is unchanged
    assert ocrfix.fix(misread) == misread


def test_learn_calibrates_the_confidence_of_its_model(tmp_path: Path) -> None:
    path = _learned(tmp_path)
    confidence = error_model.load_calibration(path)
    # (the scanner's 'k' for 's' on three pages of the seed: enough edits to judge, nearly
    # all of them right)
    assert confidence is not None and confidence.steps
    assert sum(n for _, _, n in confidence.steps) >= 30
    assert confidence.confidence(1.0) > 0.8
    pipeline = ocrfix.Pipeline(model=path)
    assert pipeline.calibration == confidence
    text = _scanner("the issues of the missions of the Assembly")
    raw = ocrfix.Pipeline(model=path, config={"character_confusions": {"calibrated": False}})
    edits = [e for e in raw.fix_and_explain(text).edits if e.fixer == "character_confusions"]
    shown = [e for e in pipeline.fix_and_explain(text).edits if e.fixer == "character_confusions"]
    assert edits and [e.after for e in shown] == [e.after for e in edits]
    assert [e.confidence for e in shown] == [confidence.confidence(e.confidence) for e in edits]
    # a table file without a calibration gives the shipped one
    assert error_model.load_calibration(error_model.DEFAULT_TABLE_FILE) is None
    shipped_table = ocrfix.Pipeline(model=error_model.DEFAULT_TABLE_FILE)
    assert shipped_table.calibration == default_calibration()


def test_the_table_file_round_trips(tmp_path: Path) -> None:
    path = _learned(tmp_path)
    table = error_model.load(path)
    assert path.read_text(encoding="utf-8").startswith(error_model.FORMAT)
    costs = {(r, p): c for r, p, c in table.entries}
    assert costs[("k", "s")] < 0.6
    assert costs[("g", "q")] == dict(((r, p), c) for r, p, c in BUILT_IN.entries)[("g", "q")]
    assert ConfusionTable(table.entries).key == table.key


def test_learned_alone_and_min_count(tmp_path: Path) -> None:
    gt = (SEED / "un_draft_migration.gt.txt").read_text(encoding="utf-8")
    alone = error_model.learn([(gt, _scanner(gt))], extend=False)
    learned = {(r, p) for r, p, _ in alone.table.entries}
    assert ("k", "s") in learned and learned <= {("k", "s"), ("kk", "ss")}
    with pytest.raises(error_model.ModelError, match="nothing to learn"):
        error_model.learn([(gt, gt)])


def test_bad_tables_and_folders_are_clear_errors(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.ocrfix"
    bad.write_text("read\tprinted\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not an ocrfix confusion table"):
        ocrfix.Pipeline(model=bad)
    bad.write_text(error_model.FORMAT + "\nm\trn\tcheap\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.ocrfix:2"):
        ocrfix.Pipeline(model=bad)
    with pytest.raises(ConfigError, match="cannot read"):
        ocrfix.Pipeline(model=tmp_path / "missing.ocrfix")
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["learn", str(empty), "-o", str(tmp_path / "t.ocrfix")]) == 2
    assert "no NAME.gt.txt / NAME.ocr.txt pairs" in capsys.readouterr().err
    assert not (tmp_path / "t.ocrfix").exists()


def test_config_model_is_relative_to_the_config_file(tmp_path: Path) -> None:
    from ocrfix import config

    table = _learned(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.ocrfix]\nmodel = "{table.name}"\n', encoding="utf-8"
    )
    loaded = config.load(tmp_path / "pyproject.toml")
    assert loaded.model == str(table.resolve())
    assert loaded.pipeline().fix("the mikkionk of") == "the missions of"


def test_the_shipped_model_is_learned_from_the_training_splits_only() -> None:
    # The package data says what it was fitted on: never the dev split (session 79).
    header = error_model.DEFAULT_TABLE_FILE.read_text(encoding="utf-8").splitlines()[:3]
    assert header[0] == error_model.FORMAT and header[2] == "# splits: team, train"
    table = error_model.default_table()
    assert table is not BUILT_IN and len(table.entries) > len(BUILT_IN.entries)
    assert ocrfix.Pipeline().confusions is table
    from ocrfix import noisy_channel

    counts = noisy_channel.COUNTS_FILE.read_text(encoding="utf-8").splitlines()[:2]
    assert counts == [noisy_channel.COUNTS_FORMAT, "# 328 texts A_RES_78_*.json"]
