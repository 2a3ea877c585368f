"""mtlint: a linter for the artifacts that machine translation leaves in articles."""

__version__ = "0.1.0"
