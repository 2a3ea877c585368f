"""Which files a run reads: paths expanded, excludes and ``.gitignore`` respected.

Directories are walked for article files; files named on the command line
are always read (as a pre-commit hook passes them) unless ``force-exclude``
is set. Exclude patterns use gitignore syntax, relative to the directory of
the config file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from mtlint.config import Config
from mtlint.document import suffix_of
from mtlint.errors import InputError

if TYPE_CHECKING:
    import pathspec

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
DEFAULT_EXCLUDES = (
    ".bzr",
    ".direnv",
    ".eggs",
    ".git",
    ".hg",
    ".mypy_cache",
    ".mtlint_cache",
    ".nox",
    ".pytest_cache",
    ".ruff_cache",
    ".svn",
    ".tox",
    ".venv",
    "__pycache__",
    "__pypackages__",
    "_build",
    "build",
    "dist",
    "node_modules",
    "site-packages",
    "venv",
)
#: The default excludes are plain names, which gitignore matches wherever they are a
#: component of a path; a set answers that without a pattern for each name.
_DEFAULT_NAMES = frozenset(DEFAULT_EXCLUDES)


class FileSelector:
    """Decides, for one config, whether a path is excluded."""

    def __init__(self, config: Config) -> None:
        self.root = config.root
        self.respect_gitignore = config.respect_gitignore
        patterns = [*config.exclude, *config.extend_exclude]
        #: ``None`` when the defaults alone apply, as ``_DEFAULT_NAMES`` tells them faster
        #: (pathspec tries each of its twenty-one patterns on each file of a walk), and
        #: pathspec (6 ms) is not imported for them.
        self.excludes: pathspec.GitIgnoreSpec | None = None
        if patterns:
            import pathspec

            self.excludes = pathspec.GitIgnoreSpec.from_lines([*DEFAULT_EXCLUDES, *patterns])

    def is_excluded(self, path: Path, is_dir: bool | None = None) -> bool:
        """Whether ``path`` is excluded; ``is_dir`` saves a look at the disk when known."""
        absolute = path.absolute()
        if is_dir is None:
            is_dir = absolute.is_dir()
        relative = relative_path(absolute, self.root)
        return self._excluded(absolute.parent, absolute.name, relative, is_dir)

    def _excluded(self, folder: Path, name: str, relative: str | None, is_dir: bool) -> bool:
        """Whether ``name`` in the absolute ``folder`` is excluded, ``relative`` being its
        place under the root; names, not paths, as a walk asks for thousands of files."""
        if relative is not None and self._matches_excludes(relative, is_dir):
            return True
        return self.respect_gitignore and _gitignored(folder, name, is_dir)

    def _matches_excludes(self, relative: str, is_dir: bool) -> bool:
        if self.excludes is None:
            return not _DEFAULT_NAMES.isdisjoint(relative.split("/"))
        return _matches(self.excludes, relative, is_dir)

    def walk(self, directory: Path) -> Iterator[Path]:
        """The article files below ``directory``."""
        for folder, name, _, _ in self._articles(directory):
            yield folder / name

    def _articles(self, directory: Path) -> Iterator[tuple[Path, str, str | None, str]]:
        """The article files below ``directory``, each as its folder (as walked) and its
        name, with its place under the root and its absolute path as text (what
        ``document_key`` gives). An archive's folders hold thousands of files: what
        can be told of a whole folder (its place, its key, whether any of its files can
        be excluded) is worked out once, and no ``Path`` is made for a file."""
        for current, subdirs, files in os.walk(directory):
            base = Path(current)
            absolute = base.absolute()
            place = relative_path(absolute, self.root)
            subdirs[:] = sorted(
                d for d in subdirs if not self._excluded(absolute, d, _child(place, d), True)
            )
            folder = os.fspath(absolute)
            folder += "" if folder.endswith(os.sep) else os.sep
            names = sorted(name for name in files if suffix_of(name) in ARTICLE_SUFFIXES)
            sifted = self._files_sifted(absolute, place)
            for name in names:
                relative = _child(place, name)
                if not (sifted and self._excluded(absolute, name, relative, False)):
                    yield base, name, relative, folder + name

    def _files_sifted(self, folder: Path, place: str | None) -> bool:
        """Whether the files of ``folder`` (at ``place`` under the root) must each be
        asked whether they are excluded. Without exclude patterns, an article's name
        (with its suffix) is none of the default names, so only the folder's own place
        can make it excluded; and a ``.gitignore`` excludes nothing where there is none."""
        if self.excludes is not None:
            return True
        if place is not None and self._matches_excludes(place, True):
            return True
        return self.respect_gitignore and bool(_ignore_files_above(folder))


def expand_paths(paths: Iterable[Path], config: Config) -> list[Path]:
    """The article files named by ``paths``, each once, in a stable order."""
    selector = None
    found: dict[Path, None] = {}
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise InputError(f"{path}: no such file or directory")
        if path.is_dir() or config.force_exclude:
            selector = selector or FileSelector(config)
        if path.is_dir():
            found.update(dict.fromkeys(selector.walk(path)))
        elif not (config.force_exclude and selector.is_excluded(path)):
            found[path] = None
    return list(found)


class CorpusFile(NamedTuple):
    """A file of the configured article set, with the key the corpus index names it by."""

    #: The folder as the walk found it, and the file's name in it.
    folder: Path
    name: str
    #: The file's ``document_key``, joined as text from its folder's path and its name.
    key: str

    @property
    def path(self) -> Path:
        return self.folder / self.name


def corpus_files(config: Config) -> list[CorpusFile]:
    """The files of the configured article set (``corpus`` globs, relative to the config).

    An archive's set runs to tens of thousands of files, which a pre-commit run lists
    at every commit: each file's key is joined as text, and its ``Path`` is made only
    if it is needed (see ``Document.unread``)."""
    if not config.corpus:
        return []
    import pathspec

    wanted = _matcher(pathspec.GitIgnoreSpec.from_lines(config.corpus))
    selector = FileSelector(config)
    return [
        CorpusFile(folder, name, key)
        for folder, name, relative, key in selector._articles(config.root)
        if wanted(relative or name)
    ]


def _matcher(spec: pathspec.GitIgnoreSpec) -> Callable[[str], bool]:
    """Whether a file's relative path matches ``spec``. When no pattern excludes ("!"),
    the last pattern to match cannot undo another, and a file matches when one of the
    patterns' own expressions does: asked of each directly, without pathspec's
    machinery for the order of patterns (a sixth of listing an archive)."""
    patterns = [pattern for pattern in spec.patterns if pattern.include is not None]
    if not all(pattern.include for pattern in patterns):
        return lambda relative: _matches(spec, relative, False)
    expressions = [pattern.regex for pattern in patterns]
    return lambda relative: any(expression.match(relative) for expression in expressions)


def relative_path(path: Path, root: Path) -> str | None:
    """``path`` relative to ``root`` in POSIX form, or ``None`` when it lies outside."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return None


def _child(place: str | None, name: str) -> str | None:
    """The root-relative path of ``name`` in the folder at ``place`` ("." for the root)."""
    if place is None:
        return None
    return name if place == "." else f"{place}/{name}"


def _matches(spec: pathspec.PathSpec, relative: str, is_dir: bool) -> bool:
    return spec.match_file(relative + "/" if is_dir else relative)


def _gitignored(folder: Path, name: str, is_dir: bool) -> bool:
    ignore_files = _ignore_files_above(folder)
    if not ignore_files:
        return False
    text = f"{folder.as_posix().rstrip('/')}/{name}"
    for directory, spec in ignore_files:
        relative = text[len(directory) :].lstrip("/")
        if _matches(spec, relative, is_dir):
            return True
    return False


@lru_cache(maxsize=4096)
def _ignore_files_above(directory: Path) -> tuple[tuple[str, pathspec.GitIgnoreSpec], ...]:
    """The ``.gitignore`` files that apply in ``directory``, up to its repository's root."""
    found = []
    while True:
        spec = _gitignore_of(directory)
        if spec is not None:
            found.append((directory.as_posix(), spec))
        if (directory / ".git").exists() or directory.parent == directory:
            return tuple(found)
        directory = directory.parent


@lru_cache(maxsize=4096)
def _gitignore_of(directory: Path) -> pathspec.GitIgnoreSpec | None:
    ignore_file = directory / ".gitignore"
    try:
        lines = ignore_file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)
