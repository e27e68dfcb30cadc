from __future__ import annotations

import pytest

from .helpers import fixed

# A paragraph of a session-78 page as Tesseract read it (real-page corpus, medium): the same
# apostrophe read straight three times and typographic once.
PAGE = (
    "3. Notes with appreciation the Centre's adaptation of its activities, and welcomes the\n"
    "Centre's efforts to enhance its work in Côte d’Ivoire and the Centre's ability to act;\n"
)


def test_a_straight_apostrophe_in_a_typeset_text() -> None:
    out = fixed("apostrophes", PAGE)
    assert out.count("Centre’s") == 3 and "'" not in out


@pytest.mark.parametrize(
    "text",
    [
        # plain text that writes straight apostrophes only is never touched
        "the Centre's plan, don't, it's, d'Ivoire",
        # between capitals it is a symbol's slash misread, not an apostrophe
        "see A'C.6/66/SR.17 and the Centre’s report",
        # not inside a word: a quote, or a garbled footnote marker
        "the 'Centre’s' plan and Human Rights,' the Covenant",
    ],
)
def test_what_is_no_typographic_apostrophe_misread_stays(text: str) -> None:
    assert fixed("apostrophes", text) == text
