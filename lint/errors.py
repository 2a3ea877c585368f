"""Errors that end a run with exit code 2 and one line for the user."""


class MtlintError(Exception):
    """Base for every error mtlint reports as ``mtlint: error: <message>``."""


class ConfigError(MtlintError):
    """The configuration or the command line asks for something impossible."""


class InputError(MtlintError):
    """A path cannot be read as an article."""
