"""The built-in rules of mtlint, registered through the ``mtlint.rules`` entry points."""
