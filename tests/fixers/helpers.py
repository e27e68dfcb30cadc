"""Run one fixer alone, as the pipeline would."""

from __future__ import annotations

from ocrfix import Pipeline, Result


def run(name: str, text: str, **options: object) -> Result:
    return Pipeline(fixers=[name], config={name: options} if options else None).fix_and_explain(
        text
    )


def fixed(name: str, text: str, **options: object) -> str:
    return run(name, text, **options).text
