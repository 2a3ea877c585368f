"""Reading an article file so that a fix can write it back exactly as found.

The text the rest of mtlint sees has ``\\n`` line breaks only; ``SourceFile``
remembers where a ``\\r`` was dropped, the BOM and the encoding, and maps
edits back onto the raw text so that nothing outside an edit ever changes,
even in a file with mixed line endings.
"""

from __future__ import annotations

import bisect
import codecs
import os
import time
from pathlib import Path
from typing import NamedTuple

from mtlint.diagnostics import Edit
from mtlint.errors import InputError
from mtlint.machine_cache import stamp_of

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SNIFF_BYTES = 8192
#: Larger files are not articles (a dump, a log, a book); checking them would take minutes.
MAX_BYTES = 5 * 2**20
#: A file changed less than this long before it was read gets no stamp: a file system
#: that keeps modification times to the second or two would give an edit made within
#: that time, of the same size, the same stamp (git's "racily clean" files).
SETTLED_NS = 3 * 10**9


class SourceFile(NamedTuple):
    """A decoded file: ``text`` has ``\\n`` line breaks, ``raw`` is the decoded original."""

    path: Path
    raw: str
    text: str
    encoding: str
    bom: bytes
    newline: str
    dropped_cr: tuple[int, ...]
    #: True when the encoding was guessed from the bytes (neither UTF-8 nor marked by a BOM).
    guessed: bool = False
    #: The file's ``stamp_of`` before it was read, which a later run may trust to mean the
    #: same content; ``None`` for text not read from a file, or changed too lately.
    stamp: str | None = None

    @classmethod
    def from_bytes(cls, path: Path, data: bytes) -> SourceFile:
        encoding, bom = _encoding_mark(data)
        if bom:
            try:
                raw = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(
                    f"{path}: cannot decode as {encoding} (byte {error.start + len(bom)})"
                ) from None
            return cls.from_text(path, raw, encoding=encoding, bom=bom)
        if b"\0" not in data[:_SNIFF_BYTES]:
            try:
                return cls.from_text(path, data.decode("utf-8"))
            except UnicodeDecodeError:
                pass
        encoding, raw = _guess_encoding(path, data)
        return cls.from_text(path, raw, encoding=encoding)._replace(guessed=True)

    @classmethod
    def from_text(
        cls, path: Path, raw: str, *, encoding: str = "utf-8", bom: bytes = b""
    ) -> SourceFile:
        dropped: list[int] = []
        parts: list[str] = []
        position = 0
        start = 0
        length = len(raw)
        crlf = lone_cr = 0
        while True:
            index = raw.find("\r", start)
            if index < 0:
                parts.append(raw[start:])
                break
            parts.append(raw[start:index])
            position += index - start
            if index + 1 < length and raw[index + 1] == "\n":
                dropped.append(position)
                crlf += 1
                start = index + 1
            else:
                parts.append("\n")
                position += 1
                lone_cr += 1
                start = index + 1
        text = "".join(parts)
        lf = text.count("\n") - crlf - lone_cr
        counts = {"\n": lf, "\r\n": crlf, "\r": lone_cr}
        newline = max(counts, key=lambda style: counts[style])
        return cls(path, raw, text, encoding, bom, newline, tuple(dropped))

    def raw_offset(self, offset: int) -> int:
        """Where ``offset`` of ``text`` lies in ``raw``."""
        return offset + bisect.bisect_left(self.dropped_cr, offset)

    def apply(self, edits: list[Edit]) -> str:
        """The raw text with non-overlapping ``edits`` (offsets into ``text``) applied."""
        pieces: list[str] = []
        cursor = 0
        for edit in sorted(edits, key=lambda e: (e.span.start, e.span.end)):
            start = self.raw_offset(edit.span.start)
            end = self.raw_offset(edit.span.end)
            pieces.append(self.raw[cursor:start])
            pieces.append(edit.replacement.replace("\n", self.newline))
            cursor = end
        pieces.append(self.raw[cursor:])
        return _joined(pieces)

    def encode(self, raw: str) -> bytes:
        """``raw`` in the file's own encoding; a character it cannot hold is an error."""
        try:
            return self.bom + raw.encode(self.encoding)
        except UnicodeEncodeError as error:
            raise InputError(
                f"{self.path}: a fix writes {raw[error.start : error.end]!r}, which the file's "
                f"encoding ({self.encoding}) cannot hold; not fixed"
            ) from None


def _joined(pieces: list[str]) -> str:
    """The pieces in one text, where a lone carriage return that an edit brings next to
    a line feed becomes CR LF: "\r" then "\n" would read back as one line break, not two."""
    joined: list[str] = []
    for piece in filter(None, pieces):
        if joined and joined[-1].endswith("\r") and piece.startswith("\n"):
            joined.append("\n")
        joined.append(piece)
    return "".join(joined)


def read_source(path: Path) -> SourceFile:
    try:
        status = path.stat()
        size = status.st_size
        if size > MAX_BYTES:
            raise InputError(
                f"{path}: {size / 2**20:.1f} MB is larger than any article "
                f"(mtlint checks files up to {MAX_BYTES // 2**20} MB); not checked"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        if path.is_symlink():
            raise InputError(f"{path}: broken symbolic link (to {os.readlink(path)})") from None
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from None
    settled = time.time_ns() - status.st_mtime_ns > SETTLED_NS
    return SourceFile.from_bytes(path, data)._replace(stamp=stamp_of(status) if settled else None)


def _encoding_mark(data: bytes) -> tuple[str, bytes]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, bom
    return "utf-8", b""


#: The most disorder (charset-normalizer's mess ratio) Windows-1252 may show and still be
#: taken: English articles outside UTF-8 are almost always in it, and charset-normalizer,
#: judging a few accented names, often prefers a sibling code page ("déją" for "déjà").
#: A single-byte code page gives back every byte unchanged, so a wrong guess never
#: costs data, only a misread accent.
WINDOWS_1252_MESS = 0.1


def _guess_encoding(path: Path, data: bytes) -> tuple[str, str]:
    """The encoding of a file that is not UTF-8, and the text it gives."""
    has_nul = b"\0" in data[:_SNIFF_BYTES]
    if not has_nul:
        from charset_normalizer.md import mess_ratio

        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            if mess_ratio(text[: 1 << 16], WINDOWS_1252_MESS) <= WINDOWS_1252_MESS:
                return "cp1252", text
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1 << 20]).best()
    wide = best is not None and best.encoding.startswith(("utf_16", "utf_32"))
    if best is None or (has_nul and not wide):
        kind = "binary file (contains NUL bytes)" if has_nul else "undecodable file"
        raise InputError(f"{path}: {kind}, not a text article")
    try:
        return best.encoding, data.decode(best.encoding)
    except UnicodeDecodeError:
        raise InputError(f"{path}: undecodable file, not a text article") from None
