"""minisign-compatible signatures (https://jedisct1.github.io/minisign/) with `cryptography`'s Ed25519.

Other offices sign and verify package manifests with the `minisign` program, so the file formats here are
byte-for-byte those of minisign 0.11/0.12:

    public key   "untrusted comment: minisign public key <ID>\\n" + base64("Ed" || key_id || pk) + "\\n"
    signature    "untrusted comment: …\\n" + base64(alg || key_id || sig) + "\\n"
                 "trusted comment: …\\n" + base64(global_sig) + "\\n"
    secret key   "untrusted comment: …\\n" + base64("Ed" || kdf || "B2" || salt || ops || mem || enc(…)) + "\\n"

`alg` is "ED" (Ed25519 over BLAKE2b-512 of the data, the default) or "Ed" (legacy: over the data itself);
`global_sig` signs sig || trusted_comment, which is what makes the trusted comment trusted. The 8-byte key id
is stored as minisign stores it and displayed as minisign displays it: the bytes read as a little-endian
integer, in upper-case hex.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

ALG_LEGACY = b"Ed"
ALG_HASHED = b"ED"
_KDF_SCRYPT = b"Sc"
_KDF_NONE = b"\0\0"
_CHK_BLAKE2B = b"B2"
UNTRUSTED_PREFIX = "untrusted comment: "
TRUSTED_PREFIX = "trusted comment: "
DEFAULT_SIG_COMMENT = "signature from minisign secret key"
DEFAULT_SECRET_KEY_COMMENT = "minisign encrypted secret key"
# libsodium's crypto_pwhash_scryptsalsa208sha256_{OPS,MEM}LIMIT_SENSITIVE, which `minisign -G` uses.
OPSLIMIT_SENSITIVE = 33554432
MEMLIMIT_SENSITIVE = 1073741824
_MAX_KDF_MEMORY = 2 << 30  # twice what minisign uses: refuse key files that would exhaust memory
_MAX_KDF_WORK = 1 << 24  # N * p, 16x minisign's: refuse key files that would take minutes to open
_COMMENT_MAX = 1024  # minisign's COMMENTMAXBYTES (line, including prefix)
_TRUSTED_COMMENT_MAX = 8192  # minisign's TRUSTEDCOMMENTMAXBYTES
_SECKEY_LEN = 158
_SIG_LEN = 74
_PUB_LEN = 42


class SignatureError(ValueError):
    """A signature does not verify. `reason` is one of: malformed, algorithm, legacy, key_id, signature,
    global_signature."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class KeyIdMismatch(SignatureError):
    def __init__(self, signer_key_id: bytes, trusted_key_ids: list[bytes]) -> None:
        trusted = ", ".join(format_key_id(k) for k in trusted_key_ids) or "(none)"
        noun = "trusted key" if len(trusted_key_ids) == 1 else "any trusted key"
        super().__init__(
            "key_id", f"signed by key {format_key_id(signer_key_id)}, not by {noun} {trusted}".rstrip()
        )
        self.signer_key_id = signer_key_id


class KeyFileError(SignatureError):
    """A minisign key file is malformed, unsupported, or its password is wrong (reason "key_file").

    A SignatureError subclass so that callers importing a trusted key can catch one exception type."""

    def __init__(self, message: str) -> None:
        super().__init__("key_file", message)


class WrongPassword(KeyFileError):
    pass


# ------------------------------------------------------------------------------------------ key ids


def format_key_id(key_id: bytes, *, pad: bool = True) -> str:
    """The id as minisign prints it: little-endian integer, upper-case hex.

    minisign 0.12 pads it to 16 digits; 0.11 (Debian 12) prints "%" PRIX64 and so drops leading zeros.
    Compare key ids as bytes (or with `parse_key_id`), never as strings.
    """
    if len(key_id) != 8:
        raise ValueError("a minisign key id is 8 bytes")
    value = int.from_bytes(key_id, "little")
    return f"{value:016X}" if pad else f"{value:X}"


def parse_key_id(text: str) -> bytes:
    """Parse a displayed key id (1 to 16 hex digits, either case; padded or not) back to its 8 bytes."""
    t = text.strip()
    if not 1 <= len(t) <= 16 or any(c not in "0123456789abcdefABCDEF" for c in t):
        raise ValueError(f"not a minisign key id: {text!r}")
    return int(t, 16).to_bytes(8, "little")


# --------------------------------------------------------------------------------------------- helpers


def _b64decode(text: str, length: int, what: str) -> bytes:
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise ValueError(f"{what}: not valid base64") from None
    if len(data) != length:
        raise ValueError(f"{what}: expected {length} bytes, got {len(data)}")
    return data


def _lines(text: str | bytes, what: str) -> list[str]:
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise ValueError(f"{what} is not UTF-8 text") from None
    if text.startswith("\ufeff"):
        raise ValueError(f"{what} starts with a byte-order mark")
    # minisign strips a trailing "\r" from each line (files edited on Windows); do the same.
    lines = [ln[:-1] if ln.endswith("\r") else ln for ln in text.split("\n")]
    while lines and lines[-1] == "":
        lines.pop()
    return lines


def _check_comment(comment: str, what: str, limit: int) -> bytes:
    if "\n" in comment or "\r" in comment or "\0" in comment:
        raise ValueError(f"the {what} must be a single line")
    data = comment.encode("utf-8")
    if len(data) >= limit:
        raise ValueError(f"the {what} is too long for minisign")
    return data


# ----------------------------------------------------------------------------------------- public key


class PublicKey:
    __slots__ = ("_key", "key_id", "raw")

    def __init__(self, key_id: bytes, raw: bytes) -> None:
        if len(key_id) != 8 or len(raw) != 32:
            raise ValueError("a minisign public key is an 8-byte key id and a 32-byte Ed25519 key")
        self.key_id = bytes(key_id)
        self.raw = bytes(raw)
        self._key = Ed25519PublicKey.from_public_bytes(self.raw)

    @classmethod
    def from_base64(cls, line: str) -> PublicKey:
        """The key as `minisign -P` takes it (the second line of a .pub file)."""
        try:
            blob = _b64decode(line.strip(), _PUB_LEN, "minisign public key")
        except ValueError as exc:
            raise KeyFileError(str(exc)) from None
        if blob[:2] != ALG_LEGACY:
            raise KeyFileError(f"minisign public key: unsupported algorithm {blob[:2]!r}")
        return cls(blob[2:10], blob[10:])

    @classmethod
    def from_text(cls, text: str | bytes) -> PublicKey:
        """A .pub file: an untrusted comment line, then the base64 key."""
        try:
            lines = _lines(text, "minisign public key file")
        except ValueError as exc:
            raise KeyFileError(str(exc)) from None
        if len(lines) != 2 or not lines[0].startswith(UNTRUSTED_PREFIX):
            raise KeyFileError(
                "not a minisign public key file (expected an 'untrusted comment:' line and a key line)"
            )
        return cls.from_base64(lines[1])

    def to_base64(self) -> str:
        return base64.b64encode(ALG_LEGACY + self.key_id + self.raw).decode("ascii")

    def to_text(self, untrusted_comment: str | None = None) -> str:
        comment = (
            untrusted_comment if untrusted_comment is not None else f"minisign public key {self.key_id_hex()}"
        )
        _check_comment(comment, "untrusted comment", _COMMENT_MAX - len(UNTRUSTED_PREFIX))
        return f"{UNTRUSTED_PREFIX}{comment}\n{self.to_base64()}\n"

    def key_id_hex(self) -> str:
        return format_key_id(self.key_id)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PublicKey) and (self.key_id, self.raw) == (other.key_id, other.raw)

    def __hash__(self) -> int:
        return hash((self.key_id, self.raw))

    def __repr__(self) -> str:
        return f"PublicKey(key_id={self.key_id_hex()}, {self.to_base64()!r})"


# ----------------------------------------------------------------------------------------- signatures


@dataclass(frozen=True)
class Signature:
    """A parsed .minisig file (nothing verified yet)."""

    untrusted_comment: str
    algorithm: bytes  # b"ED" or b"Ed"
    key_id: bytes
    signature: bytes
    trusted_comment: str
    global_signature: bytes

    @property
    def prehashed(self) -> bool:
        return self.algorithm == ALG_HASHED


def parse_signature(sig_text: str | bytes) -> Signature:
    def bad(why: str) -> SignatureError:
        return SignatureError("malformed", f"malformed signature file: {why}")

    try:
        lines = _lines(sig_text, "signature file")
    except ValueError as exc:
        raise bad(str(exc)) from None
    if len(lines) < 4:
        raise bad("expected 4 lines (untrusted comment, signature, trusted comment, global signature)")
    if len(lines) > 4:
        raise bad("unexpected content after the global signature")
    if not lines[0].startswith(UNTRUSTED_PREFIX):
        raise bad(f"the first line should start with {UNTRUSTED_PREFIX!r}")
    if not lines[2].startswith(TRUSTED_PREFIX):
        raise bad(f"the third line should start with {TRUSTED_PREFIX!r}")
    trusted = lines[2][len(TRUSTED_PREFIX) :]
    if len(lines[0].encode()) >= _COMMENT_MAX or len(trusted.encode()) >= _TRUSTED_COMMENT_MAX:
        raise bad("comment too long")
    try:
        blob = _b64decode(lines[1], _SIG_LEN, "signature")
        global_sig = _b64decode(lines[3], 64, "global signature")
    except ValueError as exc:
        raise bad(str(exc)) from None
    return Signature(
        untrusted_comment=lines[0][len(UNTRUSTED_PREFIX) :],
        algorithm=blob[:2],
        key_id=blob[2:10],
        signature=blob[10:],
        trusted_comment=trusted,
        global_signature=global_sig,
    )


def signature_key_id(sig_text: str | bytes) -> str:
    """The signer's key id as `format_key_id` shows it (16 hex digits), to look up the trusted key."""
    return format_key_id(parse_signature(sig_text).key_id)


def _verify_parsed(public_key: PublicKey, data: bytes, sig: Signature, allow_legacy: bool) -> str:
    if sig.algorithm not in (ALG_HASHED, ALG_LEGACY):
        raise SignatureError("algorithm", f"unsupported signature algorithm {sig.algorithm!r}")
    if sig.algorithm == ALG_LEGACY and not allow_legacy:
        raise SignatureError("legacy", "legacy (non-prehashed) signature refused")
    if not hmac.compare_digest(sig.key_id, public_key.key_id):
        raise KeyIdMismatch(sig.key_id, [public_key.key_id])
    message = hashlib.blake2b(data, digest_size=64).digest() if sig.prehashed else data
    try:
        public_key._key.verify(sig.signature, message)
    except InvalidSignature:
        raise SignatureError(
            "signature", "signature verification failed: the data or the signature was modified"
        ) from None
    try:
        public_key._key.verify(sig.global_signature, sig.signature + sig.trusted_comment.encode("utf-8"))
    except InvalidSignature:
        raise SignatureError(
            "global_signature",
            "trusted comment signature verification failed: the trusted comment was modified",
        ) from None
    return sig.trusted_comment


def verify(public_key: PublicKey, data: bytes, sig_text: str | bytes, *, allow_legacy: bool = True) -> str:
    """Verify a .minisig over `data`; return the (now trusted) trusted comment or raise SignatureError."""
    return _verify_parsed(public_key, data, parse_signature(sig_text), allow_legacy)


def verify_trusted(
    trusted_keys: list[PublicKey], data: bytes, sig_text: str | bytes, *, allow_legacy: bool = True
) -> tuple[PublicKey, str]:
    """Verify against whichever trusted key has the signature's key id; KeyIdMismatch names the signer."""
    sig = parse_signature(sig_text)
    for key in trusted_keys:
        if hmac.compare_digest(key.key_id, sig.key_id):
            return key, _verify_parsed(key, data, sig, allow_legacy)
    raise KeyIdMismatch(sig.key_id, [k.key_id for k in trusted_keys])


# ---------------------------------------------------------------------------------------- secret key


class SigningKey:
    """A minisign key pair: the Ed25519 seed and minisign's random 8-byte key id (as stored)."""

    __slots__ = ("_key", "_public", "key_id", "seed")

    def __init__(self, seed: bytes, key_id: bytes) -> None:
        if len(seed) != 32 or len(key_id) != 8:
            raise ValueError("a minisign secret key is a 32-byte Ed25519 seed and an 8-byte key id")
        self.seed = bytes(seed)
        self.key_id = bytes(key_id)
        self._key = Ed25519PrivateKey.from_private_bytes(self.seed)
        self._public = PublicKey(self.key_id, self._key.public_key().public_bytes_raw())

    @classmethod
    def generate(cls) -> SigningKey:
        return cls(os.urandom(32), os.urandom(8))

    def public_key(self) -> PublicKey:
        return self._public

    def key_id_hex(self) -> str:
        return format_key_id(self.key_id)

    def public_key_text(self, untrusted_comment: str | None = None) -> str:
        return self._public.to_text(untrusted_comment)

    def __repr__(self) -> str:  # never print the seed
        return f"SigningKey(key_id={self.key_id_hex()})"

    def sign(
        self,
        data: bytes,
        *,
        trusted_comment: str,
        untrusted_comment: str = DEFAULT_SIG_COMMENT,
        prehashed: bool = True,
    ) -> str:
        """The text of a .minisig file for `data`, as `minisign -S [-l] -t … -c …` writes it."""
        untrusted = _check_comment(
            untrusted_comment, "untrusted comment", _COMMENT_MAX - len(UNTRUSTED_PREFIX)
        )
        trusted = _check_comment(
            trusted_comment, "trusted comment", _TRUSTED_COMMENT_MAX - len(TRUSTED_PREFIX)
        )
        message = hashlib.blake2b(data, digest_size=64).digest() if prehashed else data
        sig = self._key.sign(message)
        global_sig = self._key.sign(sig + trusted)
        blob = (ALG_HASHED if prehashed else ALG_LEGACY) + self.key_id + sig
        return (
            f"{UNTRUSTED_PREFIX}{untrusted.decode()}\n{base64.b64encode(blob).decode()}\n"
            f"{TRUSTED_PREFIX}{trusted.decode()}\n{base64.b64encode(global_sig).decode()}\n"
        )

    def secret_key_text(
        self,
        password: bytes | str | None,
        *,
        untrusted_comment: str = DEFAULT_SECRET_KEY_COMMENT,
        opslimit: int = OPSLIMIT_SENSITIVE,
        memlimit: int = MEMLIMIT_SENSITIVE,
    ) -> str:
        """A minisign secret key file: encrypted like `minisign -G`, or plain like `minisign -G -W` (None)."""
        _check_comment(untrusted_comment, "untrusted comment", _COMMENT_MAX - len(UNTRUSTED_PREFIX))
        sk = self.seed + self._public.raw  # libsodium's 64-byte secret key layout
        if password is None:
            # minisign -W writes zero salt and limits, and leaves the checksum zero.
            blob = ALG_LEGACY + _KDF_NONE + _CHK_BLAKE2B + bytes(48) + self.key_id + sk + bytes(32)
        else:
            salt = os.urandom(32)
            chk = hashlib.blake2b(ALG_LEGACY + self.key_id + sk, digest_size=32).digest()
            stream = _kdf_stream(_password_bytes(password), salt, opslimit, memlimit)
            secret = bytes(a ^ b for a, b in zip(self.key_id + sk + chk, stream, strict=True))
            blob = (
                ALG_LEGACY + _KDF_SCRYPT + _CHK_BLAKE2B + salt
                + opslimit.to_bytes(8, "little") + memlimit.to_bytes(8, "little") + secret
            )  # fmt: skip
        return f"{UNTRUSTED_PREFIX}{untrusted_comment}\n{base64.b64encode(blob).decode()}\n"


def _password_bytes(password: bytes | str) -> bytes:
    data = password.encode("utf-8") if isinstance(password, str) else bytes(password)
    if b"\0" in data:
        raise ValueError("the password must not contain NUL bytes (minisign uses C strings)")
    return data


def _scrypt_params(opslimit: int, memlimit: int) -> tuple[int, int, int]:
    """libsodium's pickparams() for crypto_pwhash_scryptsalsa208sha256: (log2 N, r, p)."""
    opslimit = max(opslimit, 32768)
    r = 8
    if opslimit < memlimit // 32:
        p = 1
        max_n = opslimit // (r * 4)
    else:
        max_n = memlimit // (r * 128)
    log2n = 1
    while log2n < 63 and (1 << log2n) <= max_n // 2:
        log2n += 1
    if opslimit >= memlimit // 32:
        maxrp = min((opslimit // 4) // (1 << log2n), 0x3FFFFFFF)
        p = maxrp // r
    return log2n, r, p


def _kdf_stream(password: bytes, salt: bytes, opslimit: int, memlimit: int) -> bytes:
    log2n, r, p = _scrypt_params(opslimit, memlimit)
    if p < 1:
        raise KeyFileError("minisign secret key: invalid key derivation parameters")
    if 128 * r * (1 << log2n) > _MAX_KDF_MEMORY or (1 << log2n) * p > _MAX_KDF_WORK:
        raise KeyFileError("minisign secret key: key derivation parameters are too expensive; refusing")
    return Scrypt(salt, 104, 1 << log2n, r, p).derive(password)


def load_secret_key(text: str | bytes, password: bytes | str | None) -> SigningKey:
    """Load a secret key file written by `minisign -G` (password-encrypted) or `minisign -G -W` (plain)."""
    try:
        lines = _lines(text, "minisign secret key file")
        if len(lines) != 2 or not lines[0].startswith(UNTRUSTED_PREFIX):
            raise ValueError("not a minisign secret key file")
        blob = _b64decode(lines[1].strip(), _SECKEY_LEN, "minisign secret key")
    except ValueError as exc:
        raise KeyFileError(str(exc)) from None
    sig_alg, kdf_alg, chk_alg = blob[0:2], blob[2:4], blob[4:6]
    salt, ops, mem = blob[6:38], blob[38:46], blob[46:54]
    secret = blob[54:]
    if sig_alg != ALG_LEGACY:
        raise KeyFileError(f"minisign secret key: unsupported signature algorithm {sig_alg!r}")
    if chk_alg != _CHK_BLAKE2B:
        raise KeyFileError(f"minisign secret key: unsupported checksum algorithm {chk_alg!r}")
    if kdf_alg == _KDF_SCRYPT:
        if password is None:
            raise WrongPassword("this minisign secret key is encrypted: a password is needed")
        stream = _kdf_stream(
            _password_bytes(password), salt, int.from_bytes(ops, "little"), int.from_bytes(mem, "little")
        )
        secret = bytes(a ^ b for a, b in zip(secret, stream, strict=True))
        key_id, sk, chk = secret[:8], secret[8:72], secret[72:]
        expected = hashlib.blake2b(sig_alg + key_id + sk, digest_size=32).digest()
        if not hmac.compare_digest(chk, expected):
            raise WrongPassword("wrong password for this minisign secret key")
    elif kdf_alg == _KDF_NONE:
        key_id, sk = secret[:8], secret[8:72]  # minisign neither writes nor checks a checksum here
    else:
        raise KeyFileError(f"minisign secret key: unsupported key derivation {kdf_alg!r}")
    key = SigningKey(sk[:32], key_id)
    # The unencrypted format has no checksum: at least make sure the two halves belong together.
    if not hmac.compare_digest(key.public_key().raw, sk[32:]):
        raise KeyFileError("minisign secret key is damaged: its public half does not match its seed")
    return key


__all__ = [
    "ALG_HASHED",
    "ALG_LEGACY",
    "KeyFileError",
    "KeyIdMismatch",
    "PublicKey",
    "Signature",
    "SignatureError",
    "SigningKey",
    "WrongPassword",
    "format_key_id",
    "load_secret_key",
    "parse_key_id",
    "parse_signature",
    "signature_key_id",
    "verify",
    "verify_trusted",
]
