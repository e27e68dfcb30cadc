"""``python -m ocrfix``: the command line."""

from .cli import main

raise SystemExit(main())
