"""``python -m sanctions``: the ``sanctions`` command line (see `sanctions.cli`)."""

from .cli import main

raise SystemExit(main())
