"""Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters, the last a check character."""

from __future__ import annotations

_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, S, V, Z
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def check_character(first17: str) -> str:
    total = sum(_ALPHABET.index(c) * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return _ALPHABET[(31 - total % 31) % 31]


def problem(code: str) -> str | None:
    """None when valid, else why not (in English; callers add the field)."""
    if len(code) != 18:
        return "must be 18 characters"
    bad = sorted({c for c in code if c not in _ALPHABET})
    if bad:
        return f"contains characters not allowed in a credit code: {''.join(bad)} (digits and upper-case letters except I, O, S, V, Z)"
    if code[17] != check_character(code[:17]):
        return "check character is wrong"
    return None
