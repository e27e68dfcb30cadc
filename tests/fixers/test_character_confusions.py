from __future__ import annotations

import math

import pytest
from conftest import CORPORA

from ocrfix import Pipeline
from ocrfix.fixers._words import WORD, foreign_nearby, neighbourhood, neighbours, opens_sentence

from .helpers import fixed


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        (
            "10. Reguests the Secretary-General to submit a report to the General",
            "10. Requests the Secretary-General to submit a report to the General",
        ),
        ("the Intemational Convention", "the International Convention"),
        ("on the deve1opment of statistics", "on the development of statistics"),
        ("relevant 0rganizations", "relevant organizations"),
        (  # a heavy page: 'do' is English too, no sign of a Portuguese phrase nearby
            "identity documents that local banks do not accepl, itregular status",
            "identity documents that local banks do not accept, irregular status",
        ),
    ],
)
def test_corrects_ocr_confusions(ocr: str, expected: str) -> None:
    assert fixed("character_confusions", ocr) == expected


@pytest.mark.parametrize(
    "clean",
    [
        "funds and programmes and international and intergovernmental organizations",
        "Reaffirms the need to adopt policies",
        "in respect of convening events at the national level",
        "the human rights of migrants, migrant workers and members of their families",
        "Mr. Gorbachova and Ms. Ngozi Okonjo-Iweala met in Nuku‘alofa",
        "UNHCR, UNRWA and OHCHR",
        "see https://undocs.org/A/60/871 and info@un.org",
        "Families,2 Women5 and Government7",
        # adverbs and adjectives of known words, from UN resolutions' own text
        "populations inequitably and is indivisibly linked; States commendably reached",
        "the needed promotive, preventive, curative and rehabilitative services",
        "Les documents que les banques do not accepl, le statut",  # French around the word
    ],
)
def test_leaves_correct_and_unknown_words(clean: str) -> None:
    assert fixed("character_confusions", clean) == clean


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [  # session-78 pages as Tesseract read them (real-page corpus, medium and heavy)
        ("the Organization of tbero-American States", "the Organization of Ibero-American States"),
        ("Agenda of the Third laternational Conference", "Agenda of the Third International"),
        # and the other way: a capital that was the misread letter, where UN text writes
        # the word in lower case inside a sentence
        ("concern about the high Jevel of global debt", "the high level of global"),
    ],
)
def test_the_case_of_a_misread_first_letter(ocr: str, expected: str) -> None:
    assert expected in fixed("character_confusions", ocr)


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [  # session-78 pages (real-page corpus, heavy): an accent OCR put on a letter besides
        # another misreading
        ("a combination of private or commérciat law", "private or commercial law"),
        ("from 31 August to 8 Deeémber 2001, as", "8 December 2001"),
        ("Social Affairs of the Seéretariat to continue", "of the Secretariat to"),
    ],
)
def test_an_added_accent_and_another_misreading(ocr: str, expected: str) -> None:
    assert expected in fixed("character_confusions", ocr)


@pytest.mark.parametrize(
    "text", ["the statement by Tomás Rémy of Montréal", "the Pérez-Guerrero Trust Fund"]
)
def test_accented_names_stay(text: str) -> None:
    assert fixed("character_confusions", text) == text


def test_an_accent_misread_for_another_is_not_dropped() -> None:
    # A team page: 'Côte' read as 'Céte' at a line start; without its accent it would be
    # 'cote', an English word, but the accented letter itself was misread.
    assert "Cote" not in fixed("character_confusions", "Crime prevention\nCéte d’Ivoire,")


# The head of one of the team's pages at heavy damage, as Tesseract read it: damaged enough
# that long words are looked up in the fuzzy index.
HEAVY_HEAD = """AIC.IUISILS
Die Lanied
DW Oeaher 204
Doyinal: Knglish
Seventy -ninth session
Second Comaittce .
Auer nets 37 401
Macroecanamie policy questions: external debt ssistainability
and development
Uganda:’ draft resolution
External debt sustainability and develapment
"""


def test_a_misread_word_that_un_text_capitalises() -> None:
    # A capitalised word inside a sentence is taken for a name, corrected only by the
    # strongest confusions; not when the correction is a word UN text capitalises there.
    assert "Second Committee ." in fixed("character_confusions", HEAVY_HEAD)


# Session-78 training pages at heavy damage: on a page this damaged (past ``FUZZY_SHARE``
# unknown words), a long word OCR misread in three places is searched for among the common
# words (``_near``), with a little more misreading cost allowed.
_HEAVY = [
    (
        "the severe disruption fo societics and economies and the devustating impact on tives\n"
        "and Hveliheods, and that the poorest snd mast vilnerable gre the hardest bir by the\n",
        "and livelihoods, and",
    ),
    (
        "Aading that coastal and marine resurees contribute signitiguntly 10 the gcanom y\n"
        "and that muintaining ‘a high-quality coastal and marine emssronmerit: presides\n",
        "contribute significantly 10",
    ),
    (
        "mmudés of transport and transport-relaled industiaes to mitygtite (he consequcnecs.af\n"
        "the COVID-19 pandemic. neluding by exchanging information, serentdic Know ledge\n",
        "to mitigate (he",
    ),
]


@pytest.mark.parametrize(("ocr", "expected"), _HEAVY)
def test_a_word_garbled_past_two_edits_on_a_damaged_page(ocr: str, expected: str) -> None:
    assert expected in fixed("character_confusions", ocr)


@pytest.mark.parametrize(("ocr", "expected"), _HEAVY)
def test_the_search_past_two_edits_can_be_switched_off(ocr: str, expected: str) -> None:
    out = fixed("character_confusions", ocr, deep=0, damaged_cost=0)
    assert expected not in out


def test_the_search_past_two_edits_on_a_clean_page_is_for_long_words_only() -> None:
    # One garbled word in a clean sentence: the page is not damaged, so only a word of
    # ``clean_far_length`` letters or more is searched far.
    text = "Noting that coastal and marine resources contribute signitiguntly to the economy\n"
    assert "contribute significantly to" in fixed("character_confusions", text)
    assert fixed("character_confusions", text, clean_far_length=14) == text


def test_a_regular_form_of_a_known_word_is_still_judged() -> None:
    # Session-78 training page at medium damage: 'discase' reads as 'dis' + 'case', a
    # regular form, but 'disease' explains it by far (a misreading of one letter, a word
    # 'coronavirus' stands before). On a page that is not damaged, such a form is judged
    # against a higher prior (``clean_derived_prior``; ``inf``: it is a word there).
    text = (
        "within South-West Asia and the Arab region, and taking imo account the need for\n"
        "function and-cructal role inthe region, the tield of hunan rights,\n\n"
        "Recognizing the unprecedented effeets-of the coronavirus discase (COVID-19)\n"
        "pandemic, including the severe disruption to societies and economics, ay well as 10\n"
    )
    assert "coronavirus disease (COVID-19)" in fixed("character_confusions", text)
    assert "discase" in fixed("character_confusions", text, derived_prior=float("inf"))
    line = "Recognizing the unprecedented effects of the coronavirus discase (COVID-19)\n"
    assert fixed("character_confusions", line, clean_derived_prior=float("inf")) == line
    # (with the words two apart, 'effects of the coronavirus disease', it is judged a misreading)
    assert "coronavirus disease" in fixed("character_confusions", line)


@pytest.mark.parametrize(
    "clean",
    [
        "resistance to antimicrobials and the unbanked, to remunerate staff\n",
        # a session-78 UN text: 'Sagaing' (saga + ing) is a region of Myanmar
        "in Rakhine and Chin States and\nSagaing and Magway Regions, with a promotive approach\n",
    ],
)
def test_regular_forms_of_known_words_stay(clean: str) -> None:
    assert fixed("character_confusions", clean) == clean


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        # Session-78 heavy pages: one word that is French or Spanish as read ('para.' of a
        # citation, 'al' for 'at') is no foreign phrase; the misread word beside it is fixed.
        ("on the report of the First Commitice (A/78/401, para. 7)", "First Committee"),
        ("keep them al the Jowest possible alert levels;", "the lowest possible"),
    ],
)
def test_one_foreign_looking_word_is_no_foreign_phrase(ocr: str, expected: str) -> None:
    assert expected in fixed("character_confusions", ocr)


@pytest.mark.parametrize(
    ("text", "word", "foreign"),
    [
        ("la Estrategia del Desarollo para las Americas", "Desarollo", True),  # two
        ("the Front de libération nationale kanak et socialiste", "libération", True),
        ("the report of the First Commitice (A/78/401, para. 7)", "Commitice", False),
        ("keep them al the Jowest possible alert levels", "Jowest", False),
        ("the sobre of the report", "sobre", True),  # the word itself
    ],
)
def test_what_counts_as_a_foreign_phrase(text: str, word: str, foreign: bool) -> None:
    start = text.index(word)
    assert foreign_nearby(text, start, start + len(word)) is foreign


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # a quotation mark (or OCR's debris) on a word's outer side does not hide the word
        ("Expressing ‘coacern about", ["Expressing", "coacern", "about"]),
        ("International Atomic nergy’ Agency", ["International", "Atomic", "nergy", "Agency"]),
        # words joined by an apostrophe stay out, a possessive's word stays in
        ("chargé d'affaires in Nuku‘alofa", ["chargé", "in"]),
        ("the State’s duty", ["the", "State", "duty"]),
    ],
)
def test_word_tokens_around_quotes(text: str, words: list[str]) -> None:
    assert WORD.findall(text) == words


def test_a_misread_word_after_an_opening_quote() -> None:
    # A/RES/78/144 (training, heavy): 'Expressing ‘coacern about the high level of'
    assert "concern" in fixed("character_confusions", "Expressing ‘coacern about the level of")


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        # Session-78 medium pages, under the share of unknown words that marks a damaged page:
        # a misreading that looks like a regular form of a known word ('commit' + 'ive',
        # 'auditer' + 's', the base of 'economies') is still judged, against a high prior.
        ("[on the report of the Sixth Commitive (A/78/433, para. 13)]", "Sixth Committee"),
        ("11. Notes the findings of the Board of Auditers regarding cost-recovery", "Auditors"),
        ("(d) Cooperation with the Economie Commission for Latin America;", "Economic Commission"),
    ],
)
def test_a_misreading_that_looks_derived_on_a_clean_page(ocr: str, expected: str) -> None:
    assert expected in fixed("character_confusions", ocr)
    assert expected not in fixed("character_confusions", ocr, clean_derived_prior=math.inf)


# A/RES/78/13 (training, heavy) as Tesseract read it: damaged enough for the far search.
DAMAGED = """Recalling alse the report of the Meeting of the Littoral aad Hinterland States of
the ladian Ocean. held in New York from 2-40 13 July 1979,!

Recalling further paragraph 102 of the Final Document, of the Thirteenth
Conference of Heads of State or Government of Non-Aligned Countries, ‘hekl in
Kuala Lumpur on 24.and 25 February. 2003.7 in which it was noted. inter alia, that the
Chair of the Ad Hac Committee on the Indian: Ocean would ‘continue his informat
consultations on the fature work of the Committer.
"""


def test_a_short_word_may_carry_a_dearer_misreading_on_a_damaged_page() -> None:
    # 'ladian' is two misreadings from 'Indian' (cost 1.29): over the limit of a word under
    # seven letters, but for the extra a damaged page allows (short_damaged_cost).
    assert "the Indian Ocean." in fixed("character_confusions", DAMAGED)
    assert "the ladian Ocean." in fixed("character_confusions", DAMAGED, short_damaged_cost=0.0)


# A/RES/78/148 (training, heavy) as Tesseract read it.
UNDECIDED = """Underfivey the importance ef international couperation between relevant
mmudés of transport and transport-relaled industiaes to mitygtite (he consequcnecs.af
the COVID-19 pandemic. neluding by exchanging information, serentdic Know ledge
ind best practices. as well us sharing experiences from the implementation of national
(ransport development programmes and strategies as appropriate;
"""


def test_the_far_search_where_near_candidates_leave_a_word_undecided() -> None:
    # 'neluding': 'eluding' is one deletion away, but does not fit; 'including' is two.
    assert "including by exchanging" in fixed("character_confusions", UNDECIDED)
    assert "neluding by" in fixed("character_confusions", UNDECIDED, far_when_undecided=False)


@pytest.mark.parametrize(
    ("text", "word", "same_line", "across_lines"),
    [
        # A word at a line's edge: the sentence runs on from the line above and below.
        (
            "the Secretary-General to\nsubmit a repert on\nthe implementation",
            "repert",
            ("a", "on"),
            ("a", "on"),
        ),
        ("submit a\nrepert on", "repert", ("", "on"), ("a", "on")),
        ("States to\nresohition\n79/1", "resohition", ("", ""), ("to", "")),
        ("Decides to\nresohition of the", "resohition", ("", "of"), ("to", "of")),
        # Not across a blank line, nor a word broken by a hyphen.
        ("States to\n\nresohition of", "resohition", ("", "of"), ("", "of")),
        ("develop-\nment resohition", "ment", ("", "resohition"), ("", "resohition")),
        ("the resohition-\nment", "resohition", ("the", ""), ("the", "")),
    ],
)
def test_neighbours_across_a_line_break(
    text: str, word: str, same_line: tuple[str, str], across_lines: tuple[str, str]
) -> None:
    start = text.index(word)
    assert neighbours(text, start, start + len(word)) == same_line
    assert neighbours(text, start, start + len(word), lines=True) == across_lines


# A/RES/78/291 (training, heavy) as Tesseract read it.
AT_LINE_END = """S$. Decides that the Spectat Committee, in accordance with ity mandate, shatt
continue its eflorts fora comprehensise review of the whole question of peae
"""


def test_a_word_at_a_line_end_is_read_with_the_next_line() -> None:
    # 'shatt' may be 'shall' or 'shaft': 'shall continue', across the line break, decides.
    assert "mandate, shall\ncontinue" in fixed("character_confusions", AT_LINE_END)
    assert "shatt\n" in fixed("character_confusions", AT_LINE_END, context_lines=False)


# A/RES/78/137 (training, heavy) as Tesseract read it.
FAR = """ongoing work of relevant institutions I» apply innevanye tools for menitonng

financial siresy in, developing countries and ta insite relevant institutions to consider

the creation af a central data registry Uhat inchudes iformation on debt restructurnig.
u1en

and calls for donors to consider mereaseng ther support for technical coepe
Programmes aimed at increasing the statistical capacity oF des
"""


def test_the_far_search_reaches_words_misread_in_four_places() -> None:
    # 'mereaseng' is four letters from 'increasing' (in -> m, c -> e, i -> e, one lost): far
    # by letters, near by the confusions OCR makes (cost 1.59).
    out = fixed("character_confusions", FAR)
    assert "consider increasing" in out
    assert "apply innovative tools" in out
    assert "consider mereaseng" in fixed("character_confusions", FAR, deep=3, deep_share=1 / 3)


def test_a_text_keeps_its_repeated_terms() -> None:
    # From the team's own general-English text: unknown terms met three times are the text's
    # own words, not misreadings ('config' is no 'coming', 'async' no 'sync').
    text = (
        "The config file is read once. Where a config file would be one more thing to ship,\n"
        "set the variables instead; the config is printed with its secrets masked.\n\n"
        "The async loader reads the file without blocking. The async watcher polls the\n"
        "directory every second, and async callers await it.\n"
    )
    assert fixed("character_confusions", text) == text
    assert "sync watcher" in fixed("character_confusions", text, term_repeats=0)


# A/RES/78/331 (training, medium) as Tesseract read it: a cheap misreading, repeated.
REPEATED = """Council resolution 2272 (2016), and requests the Seeretary-General to consult with
Member States, and the importance of further improving the collaboration between the
Seeretary-General, United Nations system entities and Member States on prevention;
11. Requests the Seeretary-General and all relevant entities to continue their work;
"""


def test_a_misreading_repeated_on_a_page_is_still_repaired() -> None:
    assert "Seeretary" not in fixed("character_confusions", REPEATED)


# A/RES/78/102 (training, heavy) as Tesseract read it.
TWO_APART = """siization of iufermal briefing

IS. | Reyuesty the Seeretary-General to bring credible allegations that reveal
that a ctime may have been committed. by a United Nations offteial or expert an
Mission to the attention. of Ure States against
"""


def test_the_words_two_apart_break_a_tie_of_the_neighbours() -> None:
    # 'a ctime may': 'crime' and 'time' fit 'a _ may' alike (0.52 / 0.48); 'that _' two
    # before and '_ have' two after are UN text's 'that ... crime', 'crime ... have'.
    assert "that a crime may" in fixed("character_confusions", TWO_APART)
    assert "that a ctime may" in fixed("character_confusions", TWO_APART, skip=0.0)


@pytest.mark.parametrize(
    ("text", "word", "far"),
    [
        ("that a ctime may have been", "ctime", ("that", "have")),
        ("reveal\nthat a ctime may\nhave been", "ctime", ("that", "have")),
        ("a ctime", "ctime", ("", "")),
        ("States, a resohition of the", "resohition", ("States", "the")),
    ],
)
def test_far_neighbours_are_the_words_two_apart(text: str, word: str, far: tuple[str, str]) -> None:
    start = text.index(word)
    assert neighbourhood(text, start, start + len(word), lines=True)[1] == far


# A/RES/78/331 (training, heavy) as Tesseract read it.
INNER_CAPITAL = """ indluding Member States and the Seeretariat, in accordance, with their
different responsibilities, to continue to collaborate t ensure that: mandatory.
effective, monitored -and targeted training on seNual exploitition-and abuse is
implemented:
"""


def test_a_capital_inside_a_lower_case_word_is_a_misread_letter_on_a_damaged_page() -> None:
    assert "training on sexual" in fixed("character_confusions", INNER_CAPITAL)
    assert "seNual" in fixed("character_confusions", INNER_CAPITAL, inner_capitals=False)
    # (on a page that is not damaged, odd casing is not ours to guess: 'eBay', 'mRNA')
    clean = "the mRNA vaccines and the eBay listings\n"
    assert fixed("character_confusions", clean) == clean


# A/RES/78/102 (training, heavy) as Tesseract read it.
LONGER = """to ensure the accountability of United Nations officials and experts on mission and
prevent futur

crimes:

17, Recognizes the efforts of Metiiber States towards devising concrete
Proposals to cnsure ‘the accountability of United Nationy offieials and expert
contact in order to strengthenand chable efticieat communication and cooperation
berw een the United Nations and Meinber States. and requests the Seeretaty-General
tomaintain and update a stot points of contact!
"""


def test_the_far_search_reaches_words_two_letters_shorter() -> None:
    # 'Metiiber': 'ii' for 'm' and 't' for 'm', two letters longer than 'Member'; but a word
    # run into another ('tomaintain') is left to merged_words, not cut to 'maintain'.
    out = fixed("character_confusions", LONGER)
    assert "efforts of Member States" in out
    assert "\ntomaintain and update" in out
    assert "Metiiber" in fixed("character_confusions", LONGER, deep_spread_length=99)


def test_a_misreading_repeated_in_a_long_damaged_text_is_no_term() -> None:
    # Three times in a page makes 'seNual' a term of the page, if no cheap misreading
    # explains it (1.0 from 'sexual'); three times in a document of 40 of the team's heavy
    # pages is chance: the count a term needs grows with the text (TERM_SHARE).
    pages = sorted((CORPORA / "pages").glob("*-heavy.ocr.txt"))[:40]
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in pages)
    fragment = "\n\n" + INNER_CAPITAL.strip() + "\n"
    long_text = text[: len(text) // 3] + fragment + text[len(text) // 3 :] + fragment * 2
    out = fixed("character_confusions", long_text)
    assert out.count("training on sexual") == 3
    short_text = INNER_CAPITAL + "\n" + INNER_CAPITAL + "\n" + INNER_CAPITAL
    assert fixed("character_confusions", short_text).count("training on seNual") == 3


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        # (Fragments of the training pages.) A capital read for a small letter inside a
        # sentence, at a line's start: the word is written as UN text writes it there.
        ("that participate in the\nTuture work of the Commission", "future"),
        ("the fostering of stable, friendly\nTelitions among States", "relations"),
        # ... a small letter read for a capital: a name's word, a month, a title's word
        ("held in Addis Ababa on 31 fanuury 2015, as the", "January"),
        ("the report of the Kirst Committee", "First"),
        # ... at a paragraph's start, after its number
        ("development,\n\n5. Helcames the efforts", "Welcomes"),
    ],
)
def test_a_misread_first_letter_takes_its_case_from_the_place(ocr: str, expected: str) -> None:
    out = fixed("character_confusions", ocr)
    assert expected in out.split()


# A/RES/78/133 (training, heavy) as Tesseract read it.
TITLE_PAGE = """(2) Promote the inclusion and mainsmeuning of the’ creative econoniy: inte
economic pottey. ay well as in national and international development plans and
Strateviess with an cmphasis'on enhancing the operational relationship between the
erative economy and the Sustainable Develipmient Goals across different pulics
areats:
"""


def test_a_capitalised_word_of_a_title_on_a_damaged_page_may_be_any_title_word() -> None:
    # 'development' is capitalised in a fifth of its uses inside UN sentences: no name's word,
    # but a title's ('the Sustainable Development Goals').
    assert "Sustainable Development Goals" in fixed("character_confusions", TITLE_PAGE)
    off = fixed("character_confusions", TITLE_PAGE, title_words=False)
    assert "Sustainable Develipmient Goals" in off


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("that regard:\n\n9 Encourages", True),  # a paragraph's number, its stop lost
        ("the Security Council,\n\n17, Requests", True),
        ("Council,\n\n\\ Requests", True),  # debris before a paragraph's first word
        ("development plans and\nStrategies", False),  # a line break inside a sentence
        ("the report.\nRequests", True),
        ("on 31 January", False),
    ],
)
def test_a_sentence_opens_at_the_last_word(text: str, opens: bool) -> None:
    assert opens_sentence(text, len(text) - len(text.split()[-1])) is opens


def test_a_long_word_nothing_near_explains_is_searched_far_on_a_clean_page() -> None:
    # (training pages, medium: a page too clean for the far search of damaged pages)
    ocr = "to honour their coniumitments under the Convention and the Protocol"
    assert "their commitments under" in fixed("character_confusions", ocr)
    assert "coniumitments" in fixed("character_confusions", ocr, clean_far_length=0)


@pytest.mark.parametrize(
    "clean",
    [
        # words English forms freely, which the far search must not 'correct' (UN texts)
        "to recolonize the island",
        "the reinscription of the Territory on the list",
        "condemns acts of mercenarism and",
    ],
)
def test_prefixed_and_derived_words_stay(clean: str) -> None:
    assert fixed("character_confusions", clean) == clean


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        # a known stem, a doubled consonant, a regular ending: a form OCR makes as well
        # (training pages, medium and heavy)
        ("after consullation with Member States", "after consultation with"),
        ("enhanced copperation between the two", "enhanced cooperation between"),
    ],
)
def test_a_lower_case_form_of_a_known_stem_is_still_judged(ocr: str, expected: str) -> None:
    assert expected in fixed("character_confusions", ocr)


@pytest.mark.parametrize(
    "clean",
    ["the accessor of the backend in the neighborhood", "the Rohingyas and other minorities"],
)
def test_well_formed_words_stay(clean: str) -> None:
    assert fixed("character_confusions", clean) == clean


# Session-78 training pages, heavy damage: two words run together are one more explanation
# the scorer weighs; where it wins, the token is left for merged_words to split.
_RUN_TOGETHER = (
    "10... Siressey that the Territory should continue to participate in the activities 61\n"
    "the Special Committed, including regional ‘seminars, inorder to provide. the\n"
    "Committee with up-to-date information regarding the decolonisation process:\n"
    "that its Gaals and targets seck to realize the human righty ofall and to achieve gender\n"
    "ang hilatéral donors and the private sector to further coordinate theif efforts and tw\n"
)


def test_two_words_run_together_are_weighed_with_the_candidates() -> None:
    alone = fixed("character_confusions", _RUN_TOGETHER)
    assert "seminars, inorder to" in alone and "rights ofall and" in alone  # not 'murder', 'fall'
    assert "coordinate their efforts" in alone  # (but 'the if' explains 'theif' worse)
    out = Pipeline().fix(_RUN_TOGETHER)
    assert "in order to provide" in out and "of all and" in out
    old = fixed("character_confusions", _RUN_TOGETHER, run_together=False)
    assert "murder" in old
