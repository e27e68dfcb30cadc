"""The public API on the real OCR sample."""

from __future__ import annotations

import pytest

import ocrfix


def test_fix_repairs_a_split_word() -> None:
    line = "Recalling Commission on Population and Devel opment resolution 2006/2,1"
    assert ocrfix.fix(line) == line.replace("Devel opment", "Development")


def test_explain_offsets_point_into_the_original(seed_ocr: str) -> None:
    result = ocrfix.fix_and_explain(seed_ocr)
    assert result.changed
    for e in result.edits:
        assert seed_ocr[e.start : e.end] == e.before
        assert e.fixer in ocrfix.Pipeline().names or "+" in e.fixer
        assert e.reason and 0 < e.confidence <= 1
    assert ocrfix.apply_edits(seed_ocr, result.edits) == result.text


@pytest.mark.parametrize("mode", ["faithful", "reading"])
def test_fix_is_the_text_that_explain_gives(seed_ocr: str, mode: ocrfix.Mode) -> None:
    # (fix does not compose the edits of the original, which a long text pays for in memory)
    assert ocrfix.fix(seed_ocr, mode) == ocrfix.fix_and_explain(seed_ocr, mode).text


def test_pipeline_disables_and_configures_by_name() -> None:
    text = "capacity of developing countriesin this regard"
    assert "countries in" in ocrfix.Pipeline().fix(text)
    assert ocrfix.Pipeline(disable=["merged_words"]).fix(text) == text
    only = ocrfix.Pipeline(fixers=["merged_words", "unicode"])
    assert only.names == ("unicode", "merged_words")  # canonical order, not the order given


def test_pipeline_rejects_unknown_names_and_options() -> None:
    with pytest.raises(ocrfix.ConfigError, match="unknown fixer 'spelling'"):
        ocrfix.Pipeline(disable=["spelling"])
    with pytest.raises(ocrfix.ConfigError, match="unknown option"):
        ocrfix.Pipeline(config={"merged_words": {"agressive": True}})


def test_pipe_is_lazy_and_ordered() -> None:
    texts = ["Decidesto include", "Reguests the Secretary-General"]
    assert list(ocrfix.pipe(texts)) == ["Decides to include", "Requests the Secretary-General"]


def test_fix_rejects_bytes() -> None:
    with pytest.raises(TypeError):
        ocrfix.fix(b"bytes")  # type: ignore[arg-type]


def test_ignore_marker_protects_a_line() -> None:
    text = "Devel opment  # ocrfix: ignore\nDevel opment\n"
    assert ocrfix.fix(text) == "Devel opment  # ocrfix: ignore\nDevelopment\n"


def test_user_words_and_protected_words() -> None:
    lex = ocrfix.Lexicon(words=["Ouagadougou"], protected=["Reguests"])
    assert lex.known("ouagadougou") and lex.is_protected("Reguests")
    pipe = ocrfix.Pipeline(lexicon=lex)
    assert pipe.fix("Reguests the Secretary-General") == "Reguests the Secretary-General"


def test_lexicon_reports_an_unreadable_word_list(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="cannot read word list"):
        ocrfix.Lexicon(words=tmp_path / "missing.txt")
