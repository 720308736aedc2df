"""Bech32 (BIP 173, not bech32m) as age uses it for `age1…` recipients and `AGE-SECRET-KEY-1…` identities.

Follows age's own implementation (filippo.io/age/internal/bech32): no 90-character limit (age's strings fit,
but other age key types do not), the output's case follows the HRP's case, and decoding refuses mixed case.
"""

from __future__ import annotations

CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_CHARSET_REV = {c: i for i, c in enumerate(CHARSET)}
_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


def _polymod(values: list[int]) -> int:
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            if (top >> i) & 1:
                chk ^= _GENERATOR[i]
    return chk


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _convert_bits(data: bytes | list[int], frombits: int, tobits: int, pad: bool) -> list[int]:
    acc = 0
    bits = 0
    out: list[int] = []
    maxv = (1 << tobits) - 1
    for value in data:
        acc = (acc << frombits) | value
        bits += frombits
        while bits >= tobits:
            bits -= tobits
            out.append((acc >> bits) & maxv)
    if pad:
        if bits:
            out.append((acc << (tobits - bits)) & maxv)
    elif bits >= frombits or (acc << (tobits - bits)) & maxv:
        # Non-canonical encodings (extra group, or non-zero padding bits) would let two strings mean one key.
        raise ValueError("bech32: invalid padding in data part")
    return out


def _check_hrp(hrp: str) -> None:
    if not hrp:
        raise ValueError("bech32: empty human-readable part")
    for c in hrp:
        if not 33 <= ord(c) <= 126:
            raise ValueError(f"bech32: invalid character {c!r} in human-readable part")


def encode(hrp: str, data: bytes) -> str:
    """Encode `data` under `hrp`; an upper-case HRP gives an all upper-case string (age identities)."""
    _check_hrp(hrp)
    if hrp.lower() != hrp and hrp.upper() != hrp:
        raise ValueError("bech32: mixed-case human-readable part")
    lower = hrp.lower()
    values = _convert_bits(bytes(data), 8, 5, pad=True)
    polymod = _polymod(_hrp_expand(lower) + values + [0] * 6) ^ 1
    checksum = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    text = lower + "1" + "".join(CHARSET[v] for v in values + checksum)
    return text if hrp == lower else text.upper()


def decode(text: str) -> tuple[str, bytes]:
    """Return (hrp, data); the HRP keeps the string's case, as age compares it case-sensitively."""
    if not isinstance(text, str):
        raise ValueError("bech32: expected a string")
    if text.lower() != text and text.upper() != text:
        raise ValueError("bech32: mixed-case string")
    pos = text.rfind("1")
    if pos < 1 or pos + 7 > len(text):
        raise ValueError("bech32: separator '1' missing or misplaced (string too short?)")
    hrp = text[:pos]
    _check_hrp(hrp)
    values: list[int] = []
    for c in text[pos + 1 :].lower():
        v = _CHARSET_REV.get(c)
        if v is None:
            raise ValueError(f"bech32: invalid character {c!r} in data part")
        values.append(v)
    if _polymod(_hrp_expand(hrp.lower()) + values) != 1:
        raise ValueError("bech32: invalid checksum (mistyped or damaged string)")
    return hrp, bytes(_convert_bits(values[:-6], 5, 8, pad=False))
