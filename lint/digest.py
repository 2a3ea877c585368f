"""Hex digests for mtlint's cache keys and fingerprints.

``import hashlib`` loads OpenSSL (2–3 ms, a fortieth of a one-file run) even to hash
with BLAKE2, which hashlib takes from CPython's own ``_blake2`` module; mtlint
imports that module directly where it exists. Only keys that mtlint itself stores
and compares are made here: a baseline's fingerprints, which users keep, stay
SHA-256.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:
    from hashlib import blake2b


def hex_digest(data: bytes, characters: int = 64) -> str:
    """A digest of ``data`` written in ``characters`` hexadecimal digits (at most 128)."""
    return blake2b(data, digest_size=characters // 2).hexdigest()
