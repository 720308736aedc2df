"""`python -m ui [--workspace DIR]` starts the desktop app."""

import sys

from ui.app import main

sys.exit(main())
