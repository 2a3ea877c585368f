"""Allows ``python -m mtlint``."""

import sys

from mtlint.console import main

sys.exit(main())
