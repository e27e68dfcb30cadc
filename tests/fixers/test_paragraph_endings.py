"""Paragraph ends of resolutions, from Tesseract's reading of the corpus pages."""

from __future__ import annotations

from .helpers import fixed

RESOLUTION = """The General Assembly,

Recalling its resolutions 47/90 of 16 December 1992 and 78/175 of 19 December 2023,

Recognizing that cooperatives promote participation, the “International Year of
Cooperatives” being an example.

Noting the work of the Committee in 2023-2024.

1. Takes note of the report of the Secretary-General:

2. Draws the attention of Member States to the recommendations, inter alia, by:

(a) Utilizing the potential of cooperatives for the eradication of poverty:

(b) Encouraging the development of cooperatives:

(c) Taking measures aimed at an enabling environment.

3. Requests the Secretary-General to submit a report.
"""


def test_restores_commas_and_semicolons() -> None:
    out = fixed("paragraph_endings", RESOLUTION)
    assert "being an example,\n\nNoting" in out
    assert "in 2023-2024,\n\n1. Takes" in out
    assert "Secretary-General;\n\n2. Draws" in out
    assert "poverty;\n\n(b)" in out
    assert "cooperatives;\n\n(c)" in out


def test_a_semicolon_read_as_a_comma() -> None:
    # Session-78 real pages, light damage: 'HIV/AIDS; 14. Further', 'appropriate; 9. Welcomes'.
    text = RESOLUTION.replace("Secretary-General:\n\n2.", "Secretary-General,\n\n2.")
    out = fixed("paragraph_endings", text)
    assert "Secretary-General;\n\n2. Draws" in out


def test_a_later_page_without_the_opening() -> None:
    page = RESOLUTION.split("2. Draws", 1)[1]
    page = "2. Draws" + page
    out = fixed("paragraph_endings", page)
    assert "poverty;\n\n(b)" in out


def test_keeps_what_is_right() -> None:
    out = fixed("paragraph_endings", RESOLUTION)
    assert "inter alia, by:\n\n(a)" in out  # a colon before sub-paragraphs
    assert "enabling environment;\n\n3." in out  # the last item, another paragraph follows
    assert out.endswith("submit a report.\n")  # the last paragraph


def test_reports_are_left_alone() -> None:
    report = (
        "1. The present report is submitted pursuant to resolution 78/175.\n\n"
        "2. Remittances grew by 3.5 per cent in 2023.\n"
    )
    assert fixed("paragraph_endings", report) == report


# A later page of a resolution as Tesseract read it (benchmark corpus, medium degradation):
# damaged verbs ('Colly', 'Welcome') and a label whose bracket became a letter ('id)').
LATER_PAGE = (
    "3. Encourages Member States to support migrant workers and their families;\n\n"
    "4. Colly upon financial supervisors to preserve access to correspondent accounts for\n"
    "licensed operators in low-volume corridors:\n\n"
    "5. Stresses the importance of financial literacy, including by:\n\n"
    "(c) Supporting the cross-border linkage of national fast payment systems,\n"
    "consistent with applicable safeguards on consumer protection and personal data:\n\n"
    "id) Applying proportionate, risk-based customer due diligence;\n\n"
    "6. Requests the Secretary-General to submit a report.\n"
)


def test_a_colon_before_the_next_paragraph_or_item_is_a_semicolon() -> None:
    out = fixed("paragraph_endings", LATER_PAGE)
    assert "low-volume corridors;\n\n5." in out
    assert "personal data;\n\nid)" in out
    assert "including by:\n\n(c)" in out  # a colon that introduces items stays


def test_a_first_page_whose_opening_ocr_lost() -> None:
    # A session-78 first page (real-page corpus, medium): 'The General Assembly,' was not
    # read, the heading above it was; a preambular paragraph's comma read as a full stop.
    page = (
        "Resolution adopted by the General Assembly\non 4 December 2023\n\n"
        "Emphasizing the need to foster consensual approaches that are conducive to the\n"
        "pursuit of such endeavours.\n\n"
        "Noting the initiatives taken by countries of the region to promote cooperation,\n"
    )
    assert fixed("paragraph_endings", page) == page.replace("endeavours.", "endeavours,")
    # without a resolution's heading or opening, prose is left as it is
    prose = page.split("\n\n", 1)[1]
    assert fixed("paragraph_endings", prose) == prose


# A third page of a session-78 resolution as OCR read it (real-page corpus, medium), cut: the
# first item runs on from the page before, the semicolons that end items read as colons, and
# no operative paragraph opens on it; its running foot carries the resolution's symbol.
ITEMS_PAGE = """creative economy and the Sustainable Development Goals across different policy
areas:

(b} Create and enhance enabling environments that ensure that the creative
economy is accessible and inclusive for all, at the national and local levels:

(c) Strengthen the participation of developing countries in global value chains:

(d) Facilitate open, inclusive and equitable access to the creative economy.

A/RES/78/133
"""


def test_a_later_page_known_by_its_symbol() -> None:
    out = fixed("paragraph_endings", ITEMS_PAGE)
    assert "policy\nareas;\n" in out  # the item continued from the page before
    assert "local levels;\n" in out
    assert "value chains;\n" in out
    # without the symbol, nothing says the page is a resolution's
    bare = ITEMS_PAGE.replace("A/RES/78/133\n", "")
    assert fixed("paragraph_endings", bare) == bare


def test_a_colon_before_an_item_that_is_not_the_first() -> None:
    # A session-78 training page (A/RES/78/133, medium): a colon introduces a list at its
    # first item; before '(d)' it is the semicolon of the item before, misread.
    page = (
        "The General Assembly,\n\n"
        "1. Encourages Member States:\n\n"
        "(c) To promote sustainable and diversified economy and sustainable\n"
        "consumption and production patterns:\n\n"
        "(d) Facilitate open, inclusive and transparent cooperation;\n\n"
        "2. Decides to remain seized of the matter.\n"
    )
    out = fixed("paragraph_endings", page)
    assert "production patterns;\n\n(d)" in out
    # after a numbered paragraph, a colon may introduce items whose first ones OCR lost
    assert "Member States:\n\n(c)" in out


def test_a_colon_before_a_first_item_stays() -> None:
    page = (
        "The General Assembly,\n\n"
        "1. Requests the Secretary-General to include in his report:\n\n"
        "(a) An assessment of the progress made;\n\n"
        "(b) Recommendations.\n"
    )
    assert fixed("paragraph_endings", page) == page


def test_a_colon_before_a_later_label_however_misread() -> None:
    # Session-78 training pages, medium: the item's semicolon read as a colon, the next
    # label garbled ('Uy)' for '(f)'), or the next numbered paragraph with its stop and a
    # dash ('6. — Recognizes'); a colon never comes before a label that is not a list's first.
    page = (
        "The General Assembly,\n\n"
        "1. Encourages Member States:\n\n"
        "(e) To promote the creative economy in the Sustainable Des clopment Goals:\n\n"
        "Uy) Share best practices and information regarding innovative policies;\n\n"
        "2. Calls for the sharing of best practices on infrastructure mobility and logistics:\n\n"
        "3. — Recognizes the importance of cooperation in establishing safe transport.\n"
    )
    out = fixed("paragraph_endings", page)
    assert "Des clopment Goals;\n\nUy)" in out
    assert "mobility and logistics;\n\n3. —" in out


def test_a_colon_before_a_label_read_as_a_digit_stays() -> None:
    # '(i)' read as '4)': a digit in brackets is no label, and may be any of them.
    page = (
        "The General Assembly,\n\n"
        "(d) Mechanisms for the settlement of disputes and for monitoring\n"
        "implementation, such as:\n\n"
        "4) Aconference of States parties meeting at regular intervals;\n\n"
        "2. Decides to remain seized of the matter.\n"
    )
    assert "such as:\n\n4)" in fixed("paragraph_endings", page)


def test_a_numbered_paragraph_after_a_lost_blank_line() -> None:
    # A/RES/78/148 (training, medium): OCR lost the blank line before '5. Calls'.
    page = (
        "The General Assembly,\n\n"
        "4. Encourages Member States to promote such sustainable modes of transport:\n"
        "5. Calls for efforts to promote regional and interregional economic\n"
        "integration and cooperation;\n\n"
        "6. Decides to remain seized of the matter.\n"
    )
    assert "modes of transport;\n5. Calls" in fixed("paragraph_endings", page)


# A/RES/78/227, page 5 (training pages, medium damage): the paragraphs' numbers misread.
MISREAD_NUMBERS = """A/RES/78/227

9. Also encourages Member States, to, as appropriate, employ different
models of legal aid, and to consider effective ways to provide access to legal aid to
ensure access to justice for all, without discrimination of any kind:

LO") Further encourages Member States, in accordance with their domestic
law, to promote and implement policies aimed at guaranteeing access to justice for
all:

Ht. Affirms the importance that certain members of society, such as children,
persons with disabilities, those in vulnerable situations and victims of violence be
given additional protection in order to access justice systems:

12.) Requests the United Nations Office on Drugs and Crime to continue
"""


def test_operative_paragraphs_whose_numbers_ocr_misread() -> None:
    out = fixed("paragraph_endings", MISREAD_NUMBERS)
    assert 'discrimination of any kind;\n\nLO")' in out
    assert "justice for\nall;\n\nHt." in out
    assert "access justice systems;\n\n12.)" in out
    # (a colon that opens a list stays: the next paragraph is no operative paragraph)
    listed = MISREAD_NUMBERS.replace('LO") Further encourages', "(a) Encourages")
    assert "any kind:\n\n(a)" in fixed("paragraph_endings", listed)
