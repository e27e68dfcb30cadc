from __future__ import annotations

import pytest

from ocrfix import Pipeline

from .helpers import fixed


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        (
            "11. Decidesto include in the provisional agenda of its sixty-third session the",
            "11. Decides to include in the provisional agenda of its sixty-third session the",
        ),
        (
            "capacity of developing countriesin this regard,",
            "capacity of developing countries in this regard,",
        ),
        ("the report fromthe Secretary-General", "the report from the Secretary-General"),
    ],
)
def test_separates_merged_words(ocr: str, expected: str) -> None:
    assert fixed("merged_words", ocr) == expected


@pytest.mark.parametrize(
    "clean",
    [
        "the increasing feminization of international migration",
        "regional and interregional cooperation and subregional organizations",
        "multistakeholder partnerships and stakeholders",
        "Ouagadougou and Tegucigalpa",
        "UNCTAD and UNESCO",
    ],
)
def test_leaves_unknown_but_whole_words(clean: str) -> None:
    assert fixed("merged_words", clean) == clean


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [  # spaces read as marks, from the benchmark pages (Tesseract, medium degradation)
        ("in the implementation of the Sustainable Development Goals.and", "Goals and"),
        ("4. Encourages.the Member States", "4. Encourages the Member States"),
        ("to mobilize a.substantial share", "to mobilize a substantial share"),
        ("7. Decides-to convene a high-level meeting", "7. Decides to convene a high-level"),
        ("Particularly-in Africa", "Particularly in Africa"),
        ("expressing a-concern that", "expressing a concern that"),
        ("across the vast.expanses of the high seas", "across the vast expanses of the high"),
        ("Educational, Scientific and-Cultural Organization", "Scientific and Cultural"),
        ("the purposes and principles of the.Charter, and", "principles of the Charter, and"),
        # (the real-page corpus, session 78, medium: no bigram count for 'or experts' needed)
        ("by United Nations officials or-experts on mission", "officials or experts on"),
        # ('and-cructal' there, its second word repaired by character_confusions first)
        ("its significant function and-crucial role", "function and crucial role"),
    ],
)
def test_separates_words_glued_by_a_mark(ocr: str, expected: str) -> None:
    assert expected in fixed("merged_words", ocr)


@pytest.mark.parametrize(
    "clean",
    [
        "the follow-up to the In-depth review and a high-level meeting",
        "Note:the text as adopted",  # a colon that lost its space, not a space read as ':'
        "e.g. a.m. and i.e. the U.S.A. or A-levels",
        "an up-to-date and state-of-the-art list",
        "the Non-Self-Governing Territories",
        # compounds the lexicon lacks stay whole (clean English, not OCR)
        "a namespace at runtime, a bugfix to the wordlist, plaintext and hardcopy formats",
        "input to text formatters, licensable by the grantor",  # a word with an ending
        "see www.un.org and the annex in report.pdf, etc.and so on",
        "adopted by the General Assembly.The Committee",
        "the eleven’States",
        # names with an apostrophe, from UN resolutions' own text
        "ISIL (also known as Da’esh), Hay’at Tahrir al-Sham and the Baha’is",
        "beyond a business-\nas-usual recovery and States peer-\nto-peer learning",
        "a whole-of \nsociety approach",  # (as a session-79 text breaks 'whole-of-society')
    ],
)
def test_leaves_compounds_and_abbreviations(clean: str) -> None:
    assert fixed("merged_words", clean) == clean


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [  # the real-page corpus (session-78 pages, medium): a space read as a mark, and the word
        # beside the function word misread too (repaired by character_confusions afterwards)
        ("resources for.sustiinable development", "resources for sustiinable development"),
        ("new téchnologics:and innovation", "new téchnologics and innovation"),
    ],
)
def test_a_function_word_glued_to_a_misread_word(ocr: str, expected: str) -> None:
    assert fixed("merged_words", ocr) == expected


@pytest.mark.parametrize("text", ["the of’ficial record", "see www.un.org and e.g.the"])
def test_what_a_mark_inside_a_word_may_be_stays(text: str) -> None:
    assert fixed("merged_words", text) == text


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        # Session-78 training pages, medium damage: a comma or stop and the space after it
        # read as two marks between two words.
        ("the promotion of human rights,.as well as the", "rights, as well as"),
        ("by all relevant stakeholders..as appropriate", "stakeholders. as appropriate"),
        ("following the COVID-19 pandemic.-as well as", "pandemic. as well as"),
    ],
)
def test_two_marks_between_two_words(ocr: str, expected: str) -> None:
    assert expected in fixed("merged_words", ocr)


@pytest.mark.parametrize(
    "clean",
    [
        "see etc.,and the",  # an abbreviation's stop
        "the file report..txt was sent",  # not two words
        "the index.-a.b.c of",
    ],
)
def test_two_marks_that_stay(clean: str) -> None:
    assert fixed("merged_words", clean) == clean


def test_two_marks_can_be_left_alone() -> None:
    text = "the promotion of human rights,.as well as the"
    assert fixed("merged_words", text, double_marks=False) == text


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        # Session-78 training pages: a function word and an article run together.
        ("for the period ofa year and", "period of a year"),
        ("to serve asa forum for", "serve as a forum"),
        ("took place atan event in", "at an event"),
        ("extended fora period of two years", "extended for a period"),
    ],
)
def test_a_function_word_and_an_article_run_together(ocr: str, expected: str) -> None:
    assert expected in fixed("merged_words", ocr)


@pytest.mark.parametrize(
    "clean",
    [
        "in various fora such as",  # 'fora', plural of 'forum': no 'a such'
        "in international fora and",
        "Asa and Ina went home",
    ],
)
def test_words_that_look_like_a_function_word_and_an_article(clean: str) -> None:
    assert fixed("merged_words", clean) == clean
    assert fixed("merged_words", "for the period ofa year", articles=False).count("ofa") == 1


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        # Session-78 training pages, heavy damage: a function word glued by an apostrophe
        # to a word OCR also misread; apart, the word is repaired.
        ("with special cmphasis'on the", "emphasis on the"),
        ("and to’cunsider the report", "to consider the"),
        ("20 per'cent of", "20 per cent of"),  # UN text writes 'per cent'
    ],
)
def test_a_function_word_glued_by_an_apostrophe(ocr: str, expected: str) -> None:
    assert expected in Pipeline().fix(ocr)


@pytest.mark.parametrize(
    "text", ["our in’formation is", "the to’wards the", "on’going work", "be’tween them"]
)
def test_a_speck_read_as_an_apostrophe_inside_one_word_splits_nothing(text: str) -> None:
    assert fixed("merged_words", text) == text


# Lines of a heavily damaged training page: enough unknown words that the text counts as
# damaged, where a hyphen between two content words may be a space misread.
DAMAGED_LINES = (
    "\n\nRecognizing that the tourism sector contributes to the globul cconomy, address"
    " chalenges to the sector and creatc an cnablimy environment for micro-. small and"
    " medium-sized enterprises and the fundamcntal rights of woikers in that sector\n"
)


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [  # training pages, medium and heavy
        (
            "universally aceepted human-rights throughout the world and fostering stable.",
            "universally aceepted human rights throughout the world and fostering stable.",
        ),
        (
            "economy. address challenges-faced by the sector and create an cnablimy environment",
            "economy. address challenges faced by the sector and create an cnablimy environment",
        ),
    ],
)
def test_a_hyphen_read_for_a_space_between_content_words_on_a_damaged_page(
    ocr: str, expected: str
) -> None:
    assert fixed("merged_words", ocr + DAMAGED_LINES).startswith(expected)
    # on clean text (the page's other words right) the hyphen stays: a compound modifier
    clean = ocr.replace("aceepted", "accepted").replace("cnablimy", "enabling")
    assert fixed("merged_words", clean) == clean


@pytest.mark.parametrize(
    "compound",
    [
        # (compounds UN text writes so: 'risk-management', which it writes apart, would not)
        "a whole-of-society approach to capacity-building and decision-making",
        "the follow-up to the high-level meeting on small-scale fisheries",
        "micro-, small and medium-sized enterprises",
    ],
)
def test_compounds_stay_on_a_damaged_page(compound: str) -> None:
    assert fixed("merged_words", compound + DAMAGED_LINES).startswith(compound)


def test_the_damage_is_that_of_the_text_as_it_came_in() -> None:
    # The pipeline tells the fixer how damaged the page came in: by the time merged_words
    # runs, the word fixers before it may have repaired what showed it.
    from ocrfix.fixers.base import Context
    from ocrfix.fixers.merged_words import MergedWordsFixer
    from ocrfix.lexicon import default_lexicon

    text = "universally accepted human-rights throughout the world and fostering stable."
    fixer, lex = MergedWordsFixer(), default_lexicon()
    assert list(fixer.propose(text, Context(lex))) == []  # (the text alone looks clean)
    (edit,) = fixer.propose(text, Context(lex, input_damaged=True))
    assert (edit.before, edit.after) == ("-", " ")
    assert list(fixer.propose(text, Context(lex, input_damaged=False))) == []
