"""Reading an article file so that a fix can write it back exactly as found.

The text the rest of mtlint sees has ``\\n`` line breaks only; ``SourceFile``
remembers where a ``\\r`` was dropped, the BOM and the encoding, and maps
edits back onto the raw text so that nothing outside an edit ever changes,
even in a file with mixed line endings.
"""

from __future__ import annotations

import bisect
import codecs
from dataclasses import dataclass
from pathlib import Path

from mtlint.diagnostics import Edit
from mtlint.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SNIFF_BYTES = 8192


@dataclass(frozen=True)
class SourceFile:
    """A decoded file: ``text`` has ``\\n`` line breaks, ``raw`` is the decoded original."""

    path: Path
    raw: str
    text: str
    encoding: str
    bom: bytes
    newline: str
    dropped_cr: tuple[int, ...]

    @classmethod
    def from_bytes(cls, path: Path, data: bytes) -> SourceFile:
        encoding, bom = _detect_encoding(path, data)
        try:
            raw = data[len(bom) :].decode(encoding)
        except UnicodeDecodeError as error:
            raise InputError(
                f"{path}: cannot decode as {encoding} (byte {error.start + len(bom)}); "
                "mtlint reads UTF-8, or UTF-16/32 with a byte order mark"
            ) from None
        return cls.from_text(path, raw, encoding=encoding, bom=bom)

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
        return "".join(pieces)

    def encode(self, raw: str) -> bytes:
        return self.bom + raw.encode(self.encoding)


def read_source(path: Path) -> SourceFile:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from None
    return SourceFile.from_bytes(path, data)


def _detect_encoding(path: Path, data: bytes) -> tuple[str, bytes]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, bom
    if b"\0" in data[:_SNIFF_BYTES]:
        raise InputError(f"{path}: binary file (contains NUL bytes), not a text article")
    return "utf-8", b""
