from __future__ import annotations

import pytest
from conftest import CORPORA

import ocrfix
from ocrfix import Lexicon


@pytest.mark.parametrize(
    "word",
    [
        "programmes",
        "interregional",
        "subregional",
        "Reaffirms",
        "feminization",
        "capacity-building",
        "Secretary-General",
        "stakeholders",
        "remittances",
        "alia",
    ],
)
def test_knows_un_vocabulary(word: str) -> None:
    assert Lexicon().known(word)


@pytest.mark.parametrize("debris", ["devel", "opment", "reguests", "decidesto", "countriesin"])
def test_does_not_know_ocr_debris(debris: str) -> None:
    assert not Lexicon().known(debris)


def test_phrases_give_bigrams() -> None:
    lex = Lexicon()
    assert lex.bigram("inter", "alia") > 0
    assert lex.bigram("decides", "to") > lex.bigram("decide", "sto")


def test_user_words_from_a_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "words.txt"
    path.write_text("# our names\nOuagadougou\nKhaled Hosseini Foundation\n", encoding="utf-8")
    lex = Lexicon(words=path)
    assert lex.known("Ouagadougou") and lex.known("hosseini")
    assert lex.bigram("hosseini", "foundation") > 0


def test_total_is_the_sum_of_the_counts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "words.txt"
    path.write_text("Ouagadougou\nKhaled Hosseini Foundation\n", encoding="utf-8")
    lex = Lexicon(words=path, english=False, un=False)
    words = ("ouagadougou", "khaled", "hosseini", "foundation")
    assert lex.total() == sum(lex.frequency(w) for w in words) > 0
    full = Lexicon()
    assert full.total() > full.frequency("the") > full.frequency("development") > 0


def test_without_bundled_lists_nothing_is_known() -> None:
    lex = Lexicon(english=False, un=False)
    assert not lex.known("the")


def test_checking_clean_text_builds_no_fuzzy_index() -> None:
    # Ten clean pages of the corpus, names and French titles included: the known-word tier
    # answers everything, and the text is unchanged.
    pages = sorted((CORPORA / "pages").glob("*.gt.txt"))[:10]
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in pages)
    lex = Lexicon()
    assert ocrfix.Pipeline(lexicon=lex).fix(text) == text
    assert not lex.fuzzy_loaded


def test_fuzzy_candidates_when_needed() -> None:
    lex = Lexicon()
    terms = {term for term, _, _ in lex.candidates("developmemt", 2)}
    assert "development" in terms and lex.fuzzy_loaded


def test_forget_empties_the_memos_and_changes_no_result() -> None:
    lexicon = Lexicon()
    pipeline = ocrfix.Pipeline(lexicon=lexicon)
    ocr = "Reguests the Secretary-General to report on the Intemational Organization."
    first = pipeline.fix(ocr)
    memo = lexicon.memo("character_confusions.candidates")
    assert len(memo) > 0  # the page's decisions were remembered
    lexicon.forget()
    assert len(lexicon.memo("character_confusions.candidates")) == 0
    assert pipeline.fix(ocr) == first != ocr


def test_unknown_is_what_known_rejects() -> None:
    lex = Lexicon(words=["Zorblat"], protected=["QXV"])
    words = {"the", "Having", "HAVING", "xqzv", "self-determination", "self-xqzv", "Zorblat"}
    words |= {"zorblat", "QXV", "qxv", "", "Assembly", "ASSEMBLY", "d'affaires"}
    assert lex.unknown(words) == {w for w in words if not lex.known(w)}
    assert lex.unknown(iter(["the", "xqzv", "xqzv"])) == {"xqzv"}
