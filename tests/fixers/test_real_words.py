from __future__ import annotations

import random
import re
import string

import pytest

from ocrfix.fixers import real_words
from ocrfix.fixers.real_words import RealWordsFixer, _droppable
from ocrfix.lexicon import default_lexicon

from .helpers import fixed


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [  # words read as other words, from the benchmark pages (Tesseract, medium and heavy)
        (
            "economies now represents mare than one quarter of world output",
            "economies now represents more than one quarter of world output",
        ),
        # the UN pair counts speak where the English bigram list is silent
        (
            "“Transforming our world: the 2030 Agenda fer Sustainable Development”",
            "“Transforming our world: the 2030 Agenda for Sustainable Development”",
        ),
        (  # (training pages, medium)
            "5. Also culls upon Member States to support the work",
            "5. Also calls upon Member States to support the work",
        ),
    ],
)
def test_replaces_words_the_context_rules_out(ocr: str, expected: str) -> None:
    assert fixed("real_words", ocr + DAMAGE).split("\n\n8.")[0] == expected


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [  # from the benchmark pages: the context alone calls for the word printed ...
        (
            "7. Invites all States that have net signed the Convention to consider it",
            "7. Invites all States that have not signed the Convention to consider it",
        ),
        (
            "the pecuniary responsibility of he Security Council for the",
            "the pecuniary responsibility of the Security Council for the",
        ),
        # ... and as loudly for a word never misread: the bigram list lacks 'thanking you'
        ("We shall be thanking you for the report", "We shall be thinking you for the report"),
    ],
)
def test_the_misreading_cost_is_what_keeps_a_right_word(ocr: str, expected: str) -> None:
    # Weighed by context alone (no channel), each of these changes; the default weighs the
    # misreading's cost too and keeps them all: the right word, and two misreadings it
    # would have repaired (the calibration on the training pages shows the same trade:
    # about as many real-word errors repaired either way).
    assert fixed("real_words", ocr + DAMAGE, channel=0.0).split("\n\n8.")[0] == expected
    assert fixed("real_words", ocr + DAMAGE).split("\n\n8.")[0] == ocr


# A paragraph of the same pages with non-word damage: real_words acts only in text that shows
# OCR damage (2 % of its longer words unknown).
DAMAGE = (
    "\n\n8. Reguests the Secretary-Generat to subrnit to the General Asserubly at its"
    " eightieth sessiou a repart on the implernentation of the preseut resolution.\n"
)


def test_clean_text_is_left_alone_whatever_it_holds() -> None:
    text = "the pecuniary responsibility of he Security Council for the"
    assert fixed("real_words", text) == text


@pytest.mark.parametrize(
    "clean",
    [
        "the counties with the highest rates of poverty",  # a right word that fits
        "a sense of identity and belonging",
        "the feast of the harvest",
        "a tor is a rocky outcrop",  # 'tor' is a word; nothing fits both sides better
        "Acceso a la Información Pública y la Justicia",  # not English
        "the transaction costs, of migrant remittances",  # a mark breaks the context
        "termination does not end the licenses of parties who received copies",
        "a script that loads the data and runs the tests",
        "decide an the question",  # 'an' for 'on', but 'an' is too common to be doubted
        "“J’ai d’autres chats à fouetter,” I have other cats to whip, she said",
        "the simplest way to protect peatlands is keeping them wet may be the answer",
    ],
)
def test_leaves_words_that_fit_or_cannot_be_judged(clean: str) -> None:
    assert fixed("real_words", clean + DAMAGE).split("\n\n8.")[0] == clean


def test_options_put_back_only_letters_within_the_cost_and_miss_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Only thin letters are put back into a word (a dropped 'h' costs more than max_cost);
    the options are those of putting back every letter, on real words and on OCR's garbles."""
    fixer, lex = RealWordsFixer(), default_lexicon()
    assert set(_droppable(fixer.max_cost)) == set("fijlrt")

    rnd = random.Random(6)
    entries = [w for w in lex.spellings(fixer.min_count).ordered if re.fullmatch("[a-z]{2,12}", w)]
    words = rnd.sample(entries, 600)
    for word in rnd.sample(entries, 600):  # garbled: a letter changed, added or lost
        i, c = rnd.randrange(len(word)), rnd.choice("rnmclihbuvwegqoa")
        words.append(rnd.choice([word[:i] + c + word[i + 1 :], word[:i] + c + word[i:]]))
    words += ["tor", "fer", "mare", "net", "he", "tbe", "arid", "rnore", "bave", "wbich"]
    pruned = {word: list(fixer._options(word, lex)) for word in words}
    monkeypatch.setattr(real_words, "_droppable", lambda max_cost: string.ascii_lowercase)
    for word in words:
        assert pruned[word] == list(fixer._options(word, lex)), word


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [  # capitalised words of UN names, from the training pages (heavy)
        (
            "technology for sustainable development\n\nThe General Assemble,",
            "The General Assembly,",
        ),
        ("modes of transport to achieve\nthe Sustainable Development Goats", "Development Goals"),
        ("the United Nations Hunan Rights Council", "United Nations Human Rights Council"),
    ],
)
def test_a_word_of_a_un_name_read_as_another_word(ocr: str, expected: str) -> None:
    assert expected in fixed("real_words", ocr + DAMAGE)
    assert expected not in fixed("real_words", ocr + DAMAGE, title_words=False)


@pytest.mark.parametrize(
    "clean",
    [
        "the Global Land Outlook and the Land Policy Initiative",  # (not 'And')
        "the International Law Commission on the work",
        "the report of the Special Rapporteur on the Right to Food",
    ],
)
def test_names_that_are_right_stay(clean: str) -> None:
    assert fixed("real_words", clean + DAMAGE).startswith(clean)


def test_judges_damage_on_the_text_as_it_came_in() -> None:
    # By the time real_words runs, the fixers before it have repaired the non-word errors
    # that showed the page was damaged; the pipeline tells it how the text came in.
    from ocrfix.fixers.base import Context

    text = "5. Also culls upon Member States to support the work of the Committee"
    fixer, lex = RealWordsFixer(), default_lexicon()
    assert list(fixer.propose(text, Context(lex))) == []  # (the text alone looks clean)
    (edit,) = fixer.propose(text, Context(lex, input_damaged=True))
    assert (edit.before, edit.after) == ("culls", "calls")
    assert list(fixer.propose(text, Context(lex, input_damaged=False))) == []


@pytest.mark.parametrize(
    "british", ["the organisation of the meeting", "its decolonisation process"]
)
def test_a_british_spelling_is_no_misreading(british: str) -> None:
    assert fixed("real_words", british + DAMAGE).split("\n\n8.")[0] == british
