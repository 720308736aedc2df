"""Recovery codes: 160 random bits as 32 Crockford base32 characters in groups of four.

Crockford's alphabet has no I, L, O or U, so a code copied by hand from paper survives the usual misreadings.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_GROUP = 4
_LENGTH = 32
_MISREAD = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(_LENGTH))
    return "-".join(raw[i : i + _GROUP] for i in range(0, _LENGTH, _GROUP))


def normalize(code: str) -> str | None:
    """Canonical form of a typed code, or None if it cannot be a recovery code."""
    cleaned = "".join(ch for ch in code.upper() if ch not in "- \t\r\n").translate(_MISREAD)
    if len(cleaned) != _LENGTH or any(ch not in ALPHABET for ch in cleaned):
        return None
    return cleaned
