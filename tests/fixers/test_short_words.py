"""Short function words misread, judged by their neighbours."""

from __future__ import annotations

import pytest

from ocrfix import Lexicon, Pipeline
from ocrfix.fixers.base import Context
from ocrfix.fixers.short_words import CANDIDATES, ShortWordsFixer

from .helpers import fixed


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        ("the report af the Secretary", "the report of the Secretary"),
        ("the right lo the development", "the right to the development"),
        ("the rights 10 the people", "the rights to the people"),
        ("in accordance wiih the", "in accordance with the"),
        # 'to' read as '10' before a verb (real-page corpus, session 78, medium)
        ("which they will continue 10 monitor, and", "which they will continue to monitor, and"),
        ("a Security Council mandate 10 take appropriate", "mandate to take appropriate"),
        # ... as '16' (training pages, heavy): a dearer misreading, where a number cannot stand
        ("knowledge, skills and talents 16 cope with the", "talents to cope with the"),
        ("of specific actions 16 be taken in support", "actions to be taken in"),
        # before a capitalised word too (a name, a title)
        ("the report of the Centre af Human Rights", "the Centre of Human Rights"),
    ],
)
def test_corrects_short_words_between_neighbours(ocr: str, expected: str) -> None:
    assert expected in fixed("short_words", ocr)


@pytest.mark.parametrize(
    "clean",
    [
        "the report for the period",
        "in 10 countries of the region",
        "the 10 support staff and some 10 provide services over 10 years",
        "the 16 support staff and some 16 provide services over 16 years",
        # times and a footnote marker set apart, from UN resolutions' own text
        "Monday, 9 June: panel 1 from 10 a.m. to 1 p.m. and panel 2",
        "the Framework Convention on Climate Change, 10 the New Urban Agenda",
        "the views of the States",
        "sobre la cuestión de los derechos",
    ],
)
def test_leaves_function_words_and_numbers(clean: str) -> None:
    assert fixed("short_words", clean) == clean


def test_every_candidate_between_words_is_left_alone() -> None:
    # (The token pattern itself skips tokens that are candidates.)
    text = "".join(f"the house {cand} people, " for cand in CANDIDATES)
    assert fixed("short_words", text) == text


def test_decisions_are_kept_with_the_lexicon_per_configuration() -> None:
    text = "the right lo the development and the views af the States\n"
    lex = Lexicon()
    default = ShortWordsFixer()
    first = list(default.propose(text, Context(lex)))
    assert [e.after for e in first] == ["to", "of"]
    assert list(default.propose(text, Context(lex))) == first
    # A stricter configuration decides afresh, as with a new lexicon.
    strict = ShortWordsFixer(max_cost=0.0)
    assert list(strict.propose(text, Context(lex))) == list(
        strict.propose(text, Context(Lexicon()))
    )
    assert Pipeline(fixers=["short_words"], lexicon=lex).fix(text) == (
        "the right to the development and the views of the States\n"
    )


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [  # real words of three letters that UN text never writes, read for a function word
        # (real-page corpus, session 78 and the team's pages, heavy)
        ("the Global Compact tor Safe, Orderly and Regular Migration", "Compact for Safe"),
        ("the exchange of information ind experiences", "information and experiences"),
    ],
)
def test_a_word_un_text_never_writes_between_two_neighbours(ocr: str, expected: str) -> None:
    assert expected in fixed("short_words", ocr)


@pytest.mark.parametrize(
    "clean",
    [
        # (general English, corpora/clean) a longer word stays, and so does one UN text writes
        "There isn't another one till seven o'clock",
        "a woman who wore her reading glasses",
        "the use of riot control agents",
        "rural women and girls fare far worse",
        "humanitarian aid and development",
    ],
)
def test_a_real_word_that_may_stand_there_stays(clean: str) -> None:
    assert fixed("short_words", clean) == clean


def test_an_opening_bracket_read_for_a_t() -> None:
    # Lines of session-78 resolutions as Tesseract read them (real-page corpus, heavy damage).
    text = (
        "11) Emphavizes (hat dialague.anwng religions. caltures and civilizations on the\n"
        "a Fakes note of (he status of contributions to-the United, Nations Interim:\n"
        "progress report and the fact that (he Land Office had a schedule of owners\n"
    )
    out = fixed("short_words", text)
    assert "Emphavizes that dialague" in out
    assert "note of the status" in out
    assert "that the Land Office" in out
    # a bracket that closes is a bracket: '(he or she)'
    kept = "the applicant (he or she) shall sign\n"
    assert fixed("short_words", kept) == kept


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        # Session-78 training pages at heavy damage: one neighbour is garbled beyond any word,
        # and the other decides alone for a token that no list knows.
        ("the ampoctanee of stengihemng aod adapting: arca-based", "stengihemng and adapting"),
        ("calls upon all States that have aot yed done so", "that have not yed done"),
        ("achieving universal health coverage, und reeognizuig that", "coverage, and reeognizuig"),
    ],
)
def test_one_neighbour_decides_when_the_other_is_garbled(ocr: str, expected: str) -> None:
    assert expected in fixed("short_words", ocr)


@pytest.mark.parametrize(
    "clean",
    [
        # A word the lists know stays beside a word they do not (a session-78 UN text).
        "a Member State-led, open-ended ad hoc intergovernmental committee",
        # A French title: 'et' is no misread 'of' beside a word of no English list.
        "répression des crimes contre l’humanité : bilan et perspectives”, which brought",
        # Garbled on both sides: nothing to go by.
        "the stengihemng aod adaptimg of the",
    ],
)
def test_one_sided_evidence_leaves_known_and_foreign_words(clean: str) -> None:
    assert fixed("short_words", clean) == clean


def test_one_sided_evidence_can_be_switched_off() -> None:
    text = "calls upon all States that have aot yed done so"
    assert fixed("short_words", text, one_side=False) == text


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        # Session-78 training pages at heavy damage. After a stop, colon or bracket the mark
        # cuts the left context, and the next word decides alone ...
        ("their activities. ay well as conserving", "activities. as well as"),
        # ... also for a token some list knows ('te'), far less likely there than 'to'.
        ("and will continue: te strengthen its", "continue: to strengthen"),
    ],
)
def test_the_next_word_decides_after_a_mark(ocr: str, expected: str) -> None:
    assert expected in fixed("short_words", ocr)


@pytest.mark.parametrize(
    "clean",
    [
        # a footnote marker set apart after a stop stays a number
        "on 12 December 2023. 10 The Assembly",
        # a word that may begin a sentence stays
        "as decided. He also noted the",
    ],
)
def test_after_a_mark_clean_text_stays(clean: str) -> None:
    assert fixed("short_words", clean) == clean


def test_after_a_mark_can_be_switched_off() -> None:
    text = "their activities. ay well as conserving"
    assert fixed("short_words", text, after_mark=False) == text


def test_one_sided_evidence_for_a_known_token_can_be_switched_off() -> None:
    text = "and will continue: te strengthen its"
    assert fixed("short_words", text, one_side_known=False) == text


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        # Session-78 training pages: a function word read as a single letter.
        ("coastal zone management, m order to prevent", "management, in order to"),
        ("obstacles, remain m the\nimplementation of the", "remain in the"),
        ("resolution 78/1,3 in which i was recognized that", "which it was"),
        # every candidate weighed, not only the cheapest ('it'): 'respect to the'
        ("increasing concern\nwith respect t the Committee's continued", "respect to the"),
    ],
)
def test_a_single_letter_between_two_words(ocr: str, expected: str) -> None:
    assert expected in fixed("short_words", ocr)


@pytest.mark.parametrize(
    "clean",
    [
        "a vector v is given and the value x of the function",
        "the share of a in the total",
        "subparagraph (i) of the resolution",
    ],
)
def test_single_letters_that_stay(clean: str) -> None:
    assert fixed("short_words", clean) == clean


def test_single_letters_can_be_left_alone() -> None:
    text = "coastal zone management, m order to prevent"
    assert fixed("short_words", text, letters=False) == text


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [  # session-78 real pages (training split), heavy and medium damage, as Tesseract read them
        (
            "briefing at the seventy-ninth\nsession wilh a view Lo furthering discussion on",
            "a view to furthering",
        ),
        (
            "by the sector and create an cnablimy environment\nJor the creativé economy at all",
            "environment\nfor the",
        ),
        (
            "enterprises, in the creative economy Lo\nparticipate in national, regional",
            "economy to\nparticipate",
        ),
    ],
)
def test_a_function_word_with_its_first_letter_read_as_a_capital(ocr: str, expected: str) -> None:
    assert expected in fixed("short_words", ocr)
    assert expected not in fixed("short_words", ocr, capitals=False)


@pytest.mark.parametrize(
    "clean",
    [
        "the report of Mr Ban to the Council",  # a name after a title
        "the delegation of Ali to the meeting",  # a name: a word in the lists
        "the Republic of Korea to the Assembly",
        "Decides to include. Lo and behold the item",  # after a full stop: a sentence start
    ],
)
def test_capitalised_short_tokens_that_stay(clean: str) -> None:
    assert fixed("short_words", clean) == clean


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        # training pages, heavy: the pair on one side is one no list holds ('as justice',
        # 'as reduce'), the other side attests the function word strongly
        ("values and principles such ay justice, equality", "such as justice, equality"),
        ("many of those obstacles as well ay reduce the", "obstacles as well as reduce the"),
    ],
)
def test_an_unseen_pair_on_one_side(ocr: str, expected: str) -> None:
    assert expected in fixed("short_words", ocr)
    off = Pipeline(["short_words"], config={"short_words": {"unseen_pairs": False}})
    assert off.fix(ocr) == ocr


@pytest.mark.parametrize(
    "clean",
    [
        # UN resolutions' own text: a word some list counts, weakly attested neighbours
        "sharks be landed with each fin naturally attached",
        "an open-ended ad hoc intergovernmental committee",
        # a French phrase with a damaged word, and a letter-spaced verb
        "CEDEAO sur les armes légeéres et de petit calibre), adopted in Abuja",
        "45. I n v i t e s relevant special procedure mandate holders",
    ],
)
def test_unseen_pairs_leave_clean_text(clean: str) -> None:
    assert fixed("short_words", clean) == clean
