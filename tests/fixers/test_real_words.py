from __future__ import annotations

import pytest

from .helpers import fixed


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [  # words read as other words, from the benchmark pages (Tesseract, medium and heavy)
        (
            "“Transforming our world: the 2030 Agenda fer Sustainable Development”",
            "“Transforming our world: the 2030 Agenda for Sustainable Development”",
        ),
        (
            "economies now represents mare than one quarter of world output",
            "economies now represents more than one quarter of world output",
        ),
        (
            "7. Invites all States that have net signed the Convention to consider it",
            "7. Invites all States that have not signed the Convention to consider it",
        ),
        (
            "the pecuniary responsibility of he Security Council for the",
            "the pecuniary responsibility of the Security Council for the",
        ),
    ],
)
def test_replaces_words_the_context_rules_out(ocr: str, expected: str) -> None:
    assert fixed("real_words", ocr + DAMAGE).split("\n\n8.")[0] == expected


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
