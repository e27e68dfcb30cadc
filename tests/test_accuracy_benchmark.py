"""The accuracy benchmark script on the seed pair: its report's tables (no figure asserted)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import accuracy


def test_a_seed_run_reports_invented_marks_and_whole_un_texts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Two stand-ins for whole resolutions, one per session: the seed's ground truth, and the
    # same with a word the pipeline repairs (so one false correction on the training side).
    gt = (accuracy.REPO / "corpora" / "seed" / "un_draft_migration.gt.txt").read_text("utf-8")
    texts = tmp_path / "text"
    texts.mkdir()
    (texts / "A_RES_79_1.json").write_text(json.dumps({"text": gt}), encoding="utf-8")
    damaged = gt.replace("Requests", "Reguests", 1)
    (texts / "A_RES_78_1.json").write_text(json.dumps({"text": damaged}), encoding="utf-8")
    (texts / "A_RES_77_1.json").write_text(json.dumps({"text": gt}), encoding="utf-8")
    monkeypatch.setattr(accuracy, "UN_TEXTS", texts)
    no_pages = tmp_path / "no-real-pages"  # (a real-page corpus with no page)
    no_pages.mkdir()
    (no_pages / "manifest.jsonl").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    argv = ["--splits", "seed", "dev", "train", "--peers", "none", "--no-ablation", "--jobs", "1"]
    argv += ["--real-corpus", str(no_pages), "--no-clean-english"]
    assert accuracy.main([*argv, "--out", str(out)]) == 0
    capsys.readouterr()
    data = json.loads((out / "accuracy.json").read_text(encoding="utf-8"))
    assert "invented" in data["results"]["seed real"]["ocrfix"]
    un = data["clean_un_texts"]
    assert list(un) == ["dev", "train"]  # the dev split first; session 77 belongs to neither
    assert un["dev"]["texts"] == un["train"]["texts"] == 1
    assert un["dev"]["false"] == 0 and un["train"]["false"] == 1
    report = (out / "accuracy.md").read_text(encoding="utf-8")
    assert "Whole UN resolutions" in report
    assert "| invented |" in report.replace("invented | broken", "invented |")


def test_whole_un_texts_can_be_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(accuracy, "UN_TEXTS", tmp_path / "absent")
    out = tmp_path / "out"
    argv = ["--splits", "seed", "--peers", "none", "--no-ablation", "--jobs", "1"]
    assert accuracy.main([*argv, "--no-clean-english", "--no-un-texts", "--out", str(out)]) == 0
    capsys.readouterr()
    data = json.loads((out / "accuracy.json").read_text(encoding="utf-8"))
    assert data["clean_un_texts"] == {}
