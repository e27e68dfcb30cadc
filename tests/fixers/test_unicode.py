from __future__ import annotations

from .helpers import fixed, run


def test_repairs_mojibake_and_ligatures() -> None:
    assert (
        fixed("unicode", "the Secretary-GeneralÃ¢Â€Â™s report")
        != "the Secretary-GeneralÃ¢Â€Â™s report"
    )
    assert fixed("unicode", "the rights of the ï¬\x81rst") != "the rights of the ï¬\x81rst"
    assert fixed("unicode", "the ﬁnancial ﬂows") == "the financial flows"


def test_keeps_typographic_quotes_and_dashes() -> None:
    text = "entitled “International migration and development”; 2021–2030 — Côte d’Ivoire"
    assert fixed("unicode", text) == text


def test_edit_covers_only_the_change() -> None:
    (edit,) = run("unicode", "the ﬁnancial report").edits
    assert (edit.before, edit.after) == ("ﬁ", "fi")
