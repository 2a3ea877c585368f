"""Allows ``python -m mtlint``."""

import sys

from mtlint.cli import main

sys.exit(main())
