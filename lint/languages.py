"""Which language an article was translated from: its front matter, else the config.

Front matter says it with ``source_lang: es`` (or ``source-language``,
``source_language``); the config's ``source-language`` gives one language or
a table of globs. Rules that only make sense for one source language use it.
"""

from __future__ import annotations

import re

from mtlint.config import Config
from mtlint.document import Document
from mtlint.files import relative_path

_KEY = re.compile(
    r"(?m)^source[-_]lang(?:uage)?[ \t]*:[ \t]*[\"']?(?P<code>[A-Za-z]{2,3})[\"']?[ \t]*$"
)


class SourceLanguages:
    def __init__(self, config: Config) -> None:
        self.root = config.root
        self.known: dict[str, str | None] = {}
        self.rules = []
        if config.source_language:
            import pathspec

            self.rules = [
                (pathspec.GitIgnoreSpec.from_lines([pattern]), language)
                for pattern, language in config.source_language.items()
            ]

    def of(self, doc: Document) -> str | None:
        """The source language of ``doc``, worked out once per document and run."""
        if doc.key not in self.known:
            self.known[doc.key] = self._find(doc)
        return self.known[doc.key]

    def _find(self, doc: Document) -> str | None:
        match = _KEY.search(doc.front_matter)
        if match:
            return match.group("code").lower()
        if not self.rules:
            return None
        relative = relative_path(doc.path.absolute(), self.root) or doc.path.as_posix()
        found = None
        for spec, language in self.rules:
            if spec.match_file(relative):
                found = language
        return found
