"""The HTML review page of ``ocrfix explain --html``: every correction shown in its context.

One self-contained file (inline CSS, no script, no external resource): the original text
line by line, each correction with the removed text struck through and the new text
highlighted, its fixer, reason and confidence in a tooltip, and a table of all corrections.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from html import escape

from .edits import Edit

#: Corrections below this confidence are marked for a closer look.
LOW_CONFIDENCE = 0.8

_CSS = """
:root { --ink: #1f2328; --muted: #656d76; --line: #d0d7de; --paper: #ffffff;
  --bg: #f6f8fa; --del: #cf222e; --del-bg: #ffebe9; --ins: #116329; --ins-bg: #dafbe1;
  --low: #9a6700; --low-bg: #fff8c5; --accent: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header { background: var(--paper); border-bottom: 1px solid var(--line); padding: 18px 32px; }
header h1 { margin: 0 0 4px; font-size: 20px; font-weight: 600; }
header .path { color: var(--muted); font-family: ui-monospace, monospace; font-size: 13px;
  word-break: break-all; }
.stats { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 12px; }
.chip { border: 1px solid var(--line); border-radius: 999px; padding: 2px 10px;
  font-size: 13px; background: var(--bg); }
.chip b { font-weight: 600; }
.legend { margin-top: 10px; font-size: 13px; color: var(--muted); }
.legend del, .legend ins { font-family: ui-monospace, monospace; }
main { max-width: 1180px; margin: 24px auto; padding: 0 24px; }
section { background: var(--paper); border: 1px solid var(--line); border-radius: 8px;
  margin-bottom: 24px; overflow: visible; }
section h2 { margin: 0; padding: 10px 16px; font-size: 15px; border-bottom: 1px solid var(--line);
  background: var(--bg); border-radius: 8px 8px 0 0; }
.doc { padding: 8px 0; font: 13.5px/1.65 ui-monospace, "SFMono-Regular", Menlo, Consolas,
  "DejaVu Sans Mono", monospace; }
.l { display: flex; min-height: 1.65em; }
.l:target, .l:hover { background: #f6f8fa; }
.n { flex: 0 0 56px; text-align: right; padding-right: 14px; color: #8c959f;
  text-decoration: none; user-select: none; }
.t { flex: 1; white-space: pre-wrap; word-break: break-word; padding-right: 16px; }
.l.changed .n { color: var(--accent); font-weight: 600; }
.e { position: relative; border-radius: 3px; outline: none; }
.e del { color: var(--del); background: var(--del-bg); text-decoration: line-through;
  text-decoration-thickness: 1.5px; }
.e ins { color: var(--ins); background: var(--ins-bg); text-decoration: none;
  font-weight: 600; }
.e.low ins { color: var(--low); background: var(--low-bg);
  text-decoration: underline dashed; }
.ws { opacity: .7; }
.k { font: 10px/1 system-ui, sans-serif; vertical-align: super; color: var(--accent);
  text-decoration: none; margin-left: 1px; }
.e:hover, .e:focus, .e:target { box-shadow: 0 0 0 2px #54aeff66; }
.e[data-tip]:hover::after, .e[data-tip]:focus::after, .e[data-tip]:target::after {
  content: attr(data-tip);
  position: absolute; left: 0; top: calc(100% + 6px); z-index: 10; width: max-content;
  max-width: 420px; white-space: normal; background: #24292f; color: #fff;
  font: 12.5px/1.45 system-ui, sans-serif; padding: 6px 9px; border-radius: 6px;
  box-shadow: 0 4px 14px #0003; pointer-events: none; }
table { width: 100%; border-collapse: collapse; font-size: 13.5px; }
th, td { text-align: left; padding: 6px 12px; border-top: 1px solid var(--line);
  vertical-align: top; }
th { background: var(--bg); font-weight: 600; border-top: 0; }
td.m { font-family: ui-monospace, monospace; white-space: pre-wrap; word-break: break-word; }
td.m del { color: var(--del); background: var(--del-bg); }
td.m ins { color: var(--ins); background: var(--ins-bg); text-decoration: none; }
.none { color: var(--muted); font: italic 12.5px system-ui, sans-serif; }
td.c { text-align: right; font-variant-numeric: tabular-nums; }
tr.low td.c { color: var(--low); font-weight: 600; }
tr:target { background: #fff8c5; }
a { color: var(--accent); }
.empty { padding: 16px; color: var(--muted); }
@media print { body { background: #fff; } .e::after { display: none; }
  section { break-inside: auto; border: 0; } }
"""


def _visible(text: str, mark_spaces: bool) -> str:
    """Escaped ``text``, its line breaks (and, if asked, spaces and tabs) shown as symbols."""
    out = escape(text)
    if mark_spaces:
        out = out.replace(" ", '<span class="ws">·</span>').replace(
            "\t", '<span class="ws">→</span>'
        )
    return out.replace("\n", '<span class="ws">↵</span>')


def _cell(tag: str, text: str, spaces: bool, empty: str) -> str:
    if not text:
        return f'<span class="none">({empty})</span>'
    return f"<{tag}>{_visible(text, spaces)}</{tag}>"


def _tip(edit: Edit) -> str:
    return f"{edit.fixer} · confidence {edit.confidence:.2f} — {edit.reason}"


def _edit_html(edit: Edit, number: int, pieces: Sequence[str], last: bool) -> str:
    """One line's part of an edit: ``pieces`` of its deleted text; the last part gets the new."""
    spaces = not edit.before.strip() or not edit.after.strip()
    cls = "e low" if edit.confidence < LOW_CONFIDENCE else "e"
    attrs = f'class="{cls}" data-tip="{escape(_tip(edit))}" tabindex="0"'
    if last:
        attrs = f'id="e{number}" ' + attrs
    inner = "".join(f"<del>{_visible(p, spaces)}</del>" for p in pieces if p)
    if last:
        if edit.after:
            inner += f"<ins>{_visible(edit.after, spaces)}</ins>"
        inner += f'<a class="k" href="#r{number}">{number}</a>'
    return f"<span {attrs}>{inner}</span>"


def _lines(original: str, edits: Sequence[Edit]) -> list[tuple[str, bool]]:
    """The original's lines as HTML, each with whether a correction touches it."""
    lines: list[str] = [""]
    touched = [False]

    def plain(text: str) -> None:
        parts = text.split("\n")
        lines[-1] += escape(parts[0])
        for part in parts[1:]:
            lines.append(escape(part))
            touched.append(False)

    pos = 0
    for number, edit in enumerate(edits, 1):
        plain(original[pos : edit.start])
        pieces = edit.before.split("\n")
        for i, piece in enumerate(pieces):
            last = i == len(pieces) - 1
            shown = piece if last else piece + "\n"
            lines[-1] += _edit_html(edit, number, [shown], last)
            touched[-1] = True
            if not last:
                lines.append("")
                touched.append(True)
        pos = edit.end
    plain(original[pos:])
    if len(lines) > 1 and lines[-1] == "" and original.endswith("\n"):
        lines.pop()
        touched.pop()
    return list(zip(lines, touched))


def render(original: str, edits: Sequence[Edit], *, title: str, version: str = "") -> str:
    """The review page of ``edits`` (offsets into ``original``) as one HTML document."""
    from .batch import line_starts, position

    edits = sorted(edits, key=lambda e: (e.start, e.end))
    starts = line_starts(original)
    rows = _lines(original, edits)
    by_fixer = Counter(e.fixer for e in edits)
    low = sum(e.confidence < LOW_CONFIDENCE for e in edits)
    changed_lines = sum(touched for _, touched in rows)

    chips = [
        f'<span class="chip"><b>{len(edits)}</b> correction{"s" * (len(edits) != 1)}</span>',
        f'<span class="chip"><b>{changed_lines}</b> of {len(rows)} lines touched</span>',
    ]
    if low:
        chips.append(
            f'<span class="chip"><b>{low}</b> below {LOW_CONFIDENCE:.0%} confidence</span>'
        )
    chips += [
        f'<span class="chip">{escape(name)} <b>{count}</b></span>'
        for name, count in by_fixer.most_common()
    ]

    doc = "\n".join(
        f'<div class="l{" changed" * touched}" id="L{n}"><a class="n" href="#L{n}">{n}</a>'
        f'<span class="t">{html}</span></div>'
        for n, (html, touched) in enumerate(rows, 1)
    )

    table_rows = []
    for number, edit in enumerate(edits, 1):
        line, column = position(starts, edit.start)
        spaces = not edit.before.strip() or not edit.after.strip()
        low_cls = ' class="low"' if edit.confidence < LOW_CONFIDENCE else ""
        table_rows.append(
            f'<tr id="r{number}"{low_cls}><td><a href="#e{number}">{number}</a></td>'
            f'<td><a href="#L{line}">{line}:{column}</a></td>'
            f'<td class="m">{_cell("del", edit.before, spaces, "inserted")}</td>'
            f'<td class="m">{_cell("ins", edit.after, spaces, "removed")}</td>'
            f'<td>{escape(edit.fixer)}</td><td class="c">{edit.confidence:.2f}</td>'
            f"<td>{escape(edit.reason)}</td></tr>"
        )
    table = (
        "<table><thead><tr><th>#</th><th>line:col</th><th>before</th><th>after</th>"
        "<th>fixer</th><th>conf.</th><th>reason</th></tr></thead><tbody>"
        + "\n".join(table_rows)
        + "</tbody></table>"
        if edits
        else '<p class="empty">No corrections: ocrfix leaves this text as it is.</p>'
    )
    generator = f"ocrfix {escape(version)}".strip()
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{generator}">
<title>ocrfix review — {escape(title)}</title>
<style>{_CSS}</style>
</head>
<body>
<header>
<h1>OCR corrections for review</h1>
<div class="path">{escape(title)}</div>
<div class="stats">{"".join(chips)}</div>
<div class="legend">Removed text is <del style="color:var(--del)">struck through</del>, new text
is <ins style="color:var(--ins);text-decoration:none;font-weight:600">highlighted</ins>;
<ins style="color:var(--low)">amber</ins> marks a correction below
{LOW_CONFIDENCE:.0%} confidence. Point at (or tab to) a correction for its fixer and reason;
its number leads to the table below, and back. ↵ marks a line break, · a space.</div>
</header>
<main>
<section><h2>Text, line by line</h2><div class="doc">
{doc}
</div></section>
<section><h2>All corrections</h2>
{table}
</section>
</main>
</body>
</html>
"""
