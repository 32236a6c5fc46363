"""`python -m notelint`."""

from notelint._cli import main

raise SystemExit(main())
