"""Lines that page segmentation cut in two, from real OCR of session-78 pages (medium
damage, Tesseract's default page segmentation)."""

from __future__ import annotations

from ocrfix import Pipeline

from .helpers import fixed, run

# A/RES/78/227, page 5: the end of 'aimed at gua|ranteeing access to justice for' was read
# as a block of its own after the paragraph.
PAGE = """9. Also encourages Member States. to, as appropriate: employ different
models of legal aid. and to constder effective ways io provide access to legal aid to
ensure access to justice for all, without discrimination of any kind:

LO") Further encourages Member States. in accordance with their domestic
law. to’ promote and implement policies aimed at gua
people in vulterable situations without sufficient means, through timely, effective.
adequately resourced and affordable and, whenever possible. free fegal aid promoted
by the State with the appropriate support of relevant academic institutions;

antecing access to justice for

Ht. Affirms the importance that certain members of society. such as children,
persons with disabilities. those in. vulnerable situations and vietints of violence be
given additional protection in order to access justice systems:

12.) Reguests the United Nations Office on Drugs and Crime to continue
"""

# A/RES/78/331, page 3: two paragraphs, each with one line cut.
PAGE_TWO_CUTS = """immediately inform the Member States concerned about allegations of sexual
exploitation and abuse by United Nations personnel system-wides-as well as by
non-United, Nations personnel serving under a Security Council mandate, of which
United Nations entities m:
ensure that the Member States concerned receive all available information to allow
for appropriate follow-up by their national authorities:

become aware, and requests the Seeretary-General ta

12. Pave tribute to all peacekeepers who risk their lives while serving: in
United Nations peacekeeping operations, underscores that acts of. sexual exploitation
and abuse damage the credibility. effectiveness and reputation of the United Nations,
in this regard commends the troop- and police-contributing countries that have ta
effective steps to prevent and investigate acts of
combat:impunity and hold accountable those individuals responsible for such-acts,
and highlights the importance of establishing best practices within the United Nations
system:

sexual exptoitation and abuse, and
"""


def test_a_line_end_set_apart_is_put_back() -> None:
    out = fixed("cut_lines", PAGE)
    assert "policies aimed at gua antecing access to justice for\npeople in vulterable" in out
    assert "\n\nantecing" not in out
    # nothing else moves, and nothing is lost
    assert sorted(out.split()) == sorted(PAGE.split())
    assert out.count("\n") == PAGE.count("\n") - 2


def test_the_edit_explains_itself_and_the_pipeline_repairs_on() -> None:
    (edit,) = run("cut_lines", PAGE).edits
    assert edit.fixer == "cut_lines" and "page segmentation" in edit.reason
    assert "antecing access" in edit.after and edit.before.startswith("\npeople")
    # (then the word fixers read the line whole: 'antecing' is judged beside its neighbours)
    assert "aimed at gua entering access to justice for\npeople" in Pipeline().fix(PAGE)


def test_an_end_is_put_back_only_where_the_line_reads_cut() -> None:
    out = fixed("cut_lines", PAGE_TWO_CUTS)
    assert "investigate acts of sexual exptoitation and abuse, and\ncombat" in out
    # 'United Nations entities m:' ('may' read 'm:') ends as a list's lead does: its end
    # stays apart.
    assert "entities m:\nensure" in out and "\n\nbecome aware" in out


def test_idempotent() -> None:
    once = fixed("cut_lines", PAGE_TWO_CUTS)
    assert fixed("cut_lines", once) == once


TITLE_PAGE = """Seventy-eighth session
Agenda item 71 (b)

Promotion and protection of human rights: human rights
questions, including alternative approaches for improving
the effective enjoyment of human rights and

fundamental freedoms

Resolution adopted by the General Assembly
on 22 December 2023

The General Assembly,

Reaffirming the purposes and principles of the Charter of the United Nations and the
Universal Declaration of Human Rights, and recalling the human rights instruments to
which States are parties and the relevant resolutions of the General Assembly,

Recalling its resolution 77/210 of 15 December 2022 and all its previous resolutions
on the subject, and taking note of the reports of the Secretary-General submitted
to the Assembly at its seventy-eighth session on the promotion of human rights,
"""

LABELS = """(k)
We also acknowledge that private investment can play a role in enhancing
rural economies through improving infrastructure, logistics and knowledge-sharing.
Therefore, we recognize the need to develop an enabling policy environment to scale
up private sector investment in agriculture and food systems;

Access to financing, remittances, and correspondent banking relationships

(l)
We will advance efforts to reduce the average transaction cost of migrant remittances
to less than 3 per cent by 2030 and to eliminate remittance corridors with costs higher
than 5 per cent, and we will work to ensure that no one is excluded from the financial
system, and that the regulatory and supervisory frameworks of our countries support
"""


def test_a_title_a_heading_and_a_label_stay_where_they_are() -> None:
    # A title's short lines get no end; a label alone on its line is no cut line; a heading
    # is no line's end.
    assert fixed("cut_lines", TITLE_PAGE) == TITLE_PAGE
    assert fixed("cut_lines", LABELS) == LABELS


def test_a_short_text_is_no_page() -> None:
    text = (
        "law. to promote and implement policies aimed at gua\npeople in need;\n\nantecing access\n"
    )
    assert fixed("cut_lines", text) == text


def test_a_footnote_or_a_misread_opening_is_no_line_end() -> None:
    # The same page with, where the line's end stood, a footnote as OCR reads its number
    # (A/RES/78/137) or a paragraph's opening misread (A/RES/78/223, heavy damage): each fits
    # the cut line's length, and each stays where it is.
    for block in ("* Resolution 63/303, annex", "Revalling also its resolution"):
        page = PAGE.replace("antecing access to justice for", block)
        assert fixed("cut_lines", page) == page
