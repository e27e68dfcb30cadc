"""Configuration: [tool.ocrfix] found upward, --config files, validation, exclude globs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path, PurePath

import pytest

from ocrfix.config import Config, discover, find, load, matches
from ocrfix.pipeline import ConfigError

ROOT = Path(__file__).resolve().parent.parent


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_nearest_pyproject_with_a_tool_ocrfix_table_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "pyproject.toml", '[tool.ocrfix]\ndisable = ["merged_words"]\n')
    write(tmp_path / "a" / "pyproject.toml", '[project]\nname = "other"\n')  # no ocrfix: skipped
    nested = tmp_path / "a" / "b"
    nested.mkdir()
    monkeypatch.chdir(nested)
    assert find() == tmp_path / "pyproject.toml"
    config = discover()
    assert config.disable == ("merged_words",)
    assert config.root == tmp_path
    assert "merged_words" not in config.pipeline().names


def test_no_configuration_means_the_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert find() is None
    config = discover()
    assert config.mode == "faithful" and config.include == ("*.txt",) and config.exclude == ()


def test_config_file_keys_at_top_level_or_under_tool_ocrfix(tmp_path: Path) -> None:
    top = load(write(tmp_path / "a.toml", 'mode = "reading"\nfixers = ["split_words"]\n'))
    assert top.mode == "reading" and top.fixers == ("split_words",)
    nested = load(write(tmp_path / "b.toml", '[tool.ocrfix]\nexclude = ["drafts"]\n'))
    assert nested.exclude == ("drafts",)


def test_every_key(tmp_path: Path) -> None:
    write(tmp_path / "lists" / "words.txt", "# our words\nOuagadougou\n")
    config = load(
        write(
            tmp_path / "pyproject.toml",
            """
[tool.ocrfix]
fixers = ["punctuation_spacing", "split_words"]
disable = ["split_words"]
mode = "faithful"
words = ["lists/words.txt"]
protected = ["Reguests"]
include = ["*.txt", "*.ocr"]
exclude = ["*.gt.txt"]

[tool.ocrfix.fixer_options.punctuation_spacing]
stop_for_comma = false
""",
        )
    )
    assert config.words == (str(tmp_path / "lists" / "words.txt"),)
    pipeline = config.pipeline()
    assert pipeline.names == ("punctuation_spacing",)
    assert pipeline.lexicon.known("Ouagadougou")
    assert pipeline.lexicon.is_protected("Reguests")
    assert config.included("page.ocr") and not config.included("page.pdf")
    assert config.excluded(tmp_path / "x" / "page.gt.txt")


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("colour = 1", r"unknown key 'colour' in \[tool.ocrfix\]; known keys: fixers"),
        ('disable = ["spelling"]', r"unknown fixer 'spelling'; known fixers: unicode"),
        ('mode = "fast"', r"unknown mode 'fast'; modes: faithful, reading, structured"),
        ('disable = "merged_words"', r"'disable' must be a list of strings"),
        ("fixer_options = 3", r"'fixer_options' must hold one table per fixer"),
        ("[fixer_options.split_words]\nspeed = 2", r"unknown option\(s\) speed"),
        ('words = ["missing.txt"]', r"cannot read word list .*missing\.txt"),
        ("mode = ", r"invalid TOML"),
        ("min_confidence = 1.5", r"'min_confidence' must be a number from 0 to 1"),
        ('min_confidence = "high"', r"'min_confidence' must be a number from 0 to 1"),
    ],
)
def test_mistakes_are_one_clear_line_naming_the_file(
    tmp_path: Path, toml: str, message: str
) -> None:
    path = write(tmp_path / "ocrfix.toml", toml + "\n")
    with pytest.raises(ConfigError, match=message) as info:
        load(path)
    assert "\n" not in str(info.value)
    assert "ocrfix.toml" in str(info.value)


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load(tmp_path / "nope.toml")


@pytest.mark.parametrize(
    ("patterns", "path", "expected"),
    [
        (["drafts"], "a/drafts/x.txt", True),
        (["drafts"], "a/drafts.txt", False),
        (["*.gt.txt"], "deep/down/page.gt.txt", True),
        (["*.gt.txt"], "page.ocr.txt", False),
        (["scans/1990/*"], "scans/1990/a.txt", True),
        (["scans/1990/*"], "old/scans/1990/a.txt", False),
        (["scans/1990"], "scans/1990/sub/a.txt", True),
        (["/scans/"], "scans/a.txt", True),
        ([], "a.txt", False),
    ],
)
def test_exclude_globs(patterns: list[str], path: str, expected: bool) -> None:
    assert matches(patterns, PurePath(path)) is expected


def test_excluded_paths_are_relative_to_the_config_root(tmp_path: Path) -> None:
    config = Config(exclude=("scans/1990",), root=tmp_path)
    assert config.excluded(tmp_path / "scans" / "1990" / "a.txt")
    assert not config.excluded(tmp_path / "scans" / "1991" / "a.txt")


def test_a_bad_config_on_the_command_line_exits_2_with_one_line(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.ocrfix]\ndisable = ["spelling"]\n')
    write(tmp_path / "a.txt", "clean text\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "ocrfix", "check", "a.txt"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1
    assert proc.stderr.startswith("ocrfix: error: ")
    assert "pyproject.toml: unknown fixer 'spelling'" in proc.stderr
    proc = subprocess.run(
        [sys.executable, "-m", "ocrfix", "check", "--config", "nope.toml", "a.txt"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (proc.returncode, proc.stderr) == (
        2,
        "ocrfix: error: config file not found: nope.toml\n",
    )


def test_min_confidence_drops_the_less_sure_edits(tmp_path: Path) -> None:
    text = (Path(__file__).parent.parent / "corpora/seed/un_draft_migration.ocr.txt").read_text(
        encoding="utf-8"
    )
    path = write(tmp_path / "ocrfix.toml", "min_confidence = 0.9\n")
    config = load(path)
    assert config.min_confidence == 0.9 and config.settings()["min_confidence"] == 0.9
    strict = config.pipeline().fix_and_explain(text)
    plain = load(write(tmp_path / "plain.toml", "\n"))
    assert "min_confidence" not in plain.settings()
    every = plain.pipeline().fix_and_explain(text)
    assert strict.edits and all(e.confidence >= 0.9 for e in strict.edits)
    assert len(strict.edits) < len(every.edits)  # the seed has edits below 0.9 (split words)
    cli = subprocess.run(
        [sys.executable, "-m", "ocrfix", "fix", "--min-confidence", "2", "-"],
        input="Reguests the Secretary-General",
        capture_output=True,
        text=True,
    )
    assert cli.returncode == 2 and "not a number from 0 to 1" in cli.stderr
