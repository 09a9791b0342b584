"""`python -m desktop` is `grant-assistant`."""

import sys

from desktop.cli import main

sys.exit(main())
