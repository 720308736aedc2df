"""age v1 encryption (https://age-encryption.org/v1), streaming, built on `cryptography` primitives.

Packages are made and opened with the standard `age` tool at other offices, so this follows the spec (and
filippo.io/age, the reference implementation) exactly: X25519 and scrypt recipients, binary (not armored)
files. Parsing is strict: anything the spec does not produce is refused rather than interpreted.

Decryption is pull-based and uses memory O(one 64 KiB chunk). Each chunk is authenticated before any of its
plaintext is returned, but a stream cut at a chunk boundary is only detected when the reader reaches the end,
so callers must not act on the data until `read()` has returned b"" (the end) without an error.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import io
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from types import TracebackType
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from reviewdesk.packages import bech32

VERSION_LINE = b"age-encryption.org/v1"
_MAGIC = VERSION_LINE + b"\n"
_ARMOR_BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"
CHUNK_SIZE = 64 * 1024
_TAG = 16
_ENC_CHUNK = CHUNK_SIZE + _TAG
_FILE_KEY_LEN = 16
_COLUMNS = 64  # base64 characters per full stanza body line (48 bytes)
_MAX_HEADER = 1 << 20  # a real header is a few hundred bytes; this only bounds memory on hostile input
_MAX_COUNTER = (1 << 88) - 1
_X25519_LABEL = b"age-encryption.org/v1/X25519"
_SCRYPT_LABEL = b"age-encryption.org/v1/scrypt"
DEFAULT_WORK_FACTOR = 18  # age's default: 2^18 iterations, 256 MiB
MAX_WORK_FACTOR = 22  # the reference implementation's default limit (4 GiB); refuse more to prevent DoS
_B64_CHARS = re.compile(rb"[A-Za-z0-9+/]*")
_LOG2N = re.compile(rb"[1-9][0-9]*")
_ZERO_NONCE = bytes(12)


class AgeError(ValueError):
    """Any reason an age file cannot be opened or is damaged; the message says which, in plain English."""


class NotAgeFileError(AgeError):
    pass


class HeaderError(AgeError):
    """The header is malformed (or uses a feature the spec forbids)."""


class NoIdentityMatched(AgeError):
    """None of the given identities (or the passphrase) opens the file: it is for someone else."""


class WrongPassphrase(NoIdentityMatched):
    pass


class HeaderMACError(AgeError):
    pass


class PayloadError(AgeError):
    """A payload chunk failed authentication, or the payload's structure is wrong."""


class TruncatedError(PayloadError):
    pass


# --------------------------------------------------------------------------------------------------- keys


class Recipient:
    """An X25519 recipient, `age1…`."""

    __slots__ = ("_raw",)

    def __init__(self, raw: bytes) -> None:
        if len(raw) != 32:
            raise ValueError("an X25519 recipient is 32 bytes")
        self._raw = bytes(raw)

    @classmethod
    def from_str(cls, text: str) -> Recipient:
        try:
            hrp, data = bech32.decode(text.strip())
        except ValueError as exc:
            raise ValueError(f"not a valid age recipient: {exc}") from None
        if hrp != "age" or len(data) != 32:
            raise ValueError("not a valid age recipient: expected a lowercase 'age1…' X25519 key")
        return cls(data)

    def to_bytes(self) -> bytes:
        return self._raw

    def __str__(self) -> str:
        return bech32.encode("age", self._raw)

    def __repr__(self) -> str:
        return f"Recipient({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Recipient) and hmac.compare_digest(self._raw, other._raw)

    def __hash__(self) -> int:
        return hash(self._raw)


class Identity:
    """An X25519 identity, `AGE-SECRET-KEY-1…`. The raw form is the 32-byte scalar, as age stores it."""

    __slots__ = ("_key", "_raw", "_recipient")

    def __init__(self, raw: bytes) -> None:
        if len(raw) != 32:
            raise ValueError("an X25519 identity is 32 bytes")
        self._raw = bytes(raw)
        self._key = X25519PrivateKey.from_private_bytes(self._raw)
        self._recipient = Recipient(self._key.public_key().public_bytes_raw())

    @classmethod
    def generate(cls) -> Identity:
        return cls(os.urandom(32))

    @classmethod
    def from_bytes(cls, raw: bytes) -> Identity:
        return cls(raw)

    @classmethod
    def from_str(cls, text: str) -> Identity:
        try:
            hrp, data = bech32.decode(text.strip())
        except ValueError as exc:
            raise ValueError(f"not a valid age identity: {exc}") from None
        if hrp != "AGE-SECRET-KEY-" or len(data) != 32:
            raise ValueError("not a valid age identity: expected an uppercase 'AGE-SECRET-KEY-1…' X25519 key")
        return cls(data)

    def to_bytes(self) -> bytes:
        return self._raw

    def recipient(self) -> Recipient:
        return self._recipient

    def __str__(self) -> str:
        return bech32.encode("AGE-SECRET-KEY-", self._raw)

    def __repr__(self) -> str:  # never print the secret
        return f"Identity(recipient={str(self._recipient)!r})"

    def _unwrap(self, share: bytes, body: bytes) -> bytes | None:
        try:
            shared = self._key.exchange(X25519PublicKey.from_public_bytes(share))
        except ValueError:
            # OpenSSL refuses low-order points (all-zero shared secret); age treats that as an error.
            raise HeaderError("X25519 stanza has an invalid (low-order) ephemeral share") from None
        if not any(shared):
            raise HeaderError("X25519 stanza has an invalid (low-order) ephemeral share")
        key = _hkdf(shared, share + self._recipient.to_bytes(), _X25519_LABEL)
        try:
            return ChaCha20Poly1305(key).decrypt(_ZERO_NONCE, body, None)
        except InvalidTag:
            return None  # wrapped for someone else


# ------------------------------------------------------------------------------------------- primitives


def _hkdf(ikm: bytes, salt: bytes, info: bytes, length: int = 32) -> bytes:
    # RFC 5869 with SHA-256; for length <= 32 a single expand block suffices (all uses here).
    prk = hmac.digest(salt, ikm, "sha256")
    return hmac.digest(prk, info + b"\x01", "sha256")[:length]


def _b64encode(data: bytes) -> bytes:
    return base64.b64encode(data).rstrip(b"=")


def _b64decode(text: bytes, what: str) -> bytes:
    # age uses RawStdEncoding.Strict: no padding, no newlines, and zero trailing bits (one encoding per value).
    if not _B64_CHARS.fullmatch(text) or len(text) % 4 == 1:
        raise HeaderError(f"{what} is not valid unpadded base64")
    try:
        data = base64.b64decode(text + b"=" * (-len(text) % 4), validate=True)
    except binascii.Error:
        raise HeaderError(f"{what} is not valid unpadded base64") from None
    if _b64encode(data) != text:
        raise HeaderError(f"{what} is not canonical base64")
    return data


def _scrypt(passphrase: bytes, salt: bytes, log2n: int) -> bytes:
    return Scrypt(_SCRYPT_LABEL + salt, 32, 1 << log2n, 8, 1).derive(passphrase)


def _payload_aead(file_key: bytes, nonce: bytes) -> ChaCha20Poly1305:
    return ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))


def _header_mac(file_key: bytes, header: bytes) -> bytes:
    return hmac.digest(_hkdf(file_key, b"", b"header"), header, "sha256")


def is_age_file(first_bytes: bytes) -> bool:
    """True if the data starts like a binary age v1 file (give it at least the first 22 bytes)."""
    return bytes(first_bytes[: len(_MAGIC)]) == _MAGIC


def _as_passphrase(passphrase: str | bytes) -> bytes:
    data = passphrase.encode("utf-8") if isinstance(passphrase, str) else bytes(passphrase)
    if not data:
        raise ValueError("the passphrase is empty")
    return data


# --------------------------------------------------------------------------------------------- header


class _Stanza:
    __slots__ = ("args", "body", "type")

    def __init__(self, type_: str, args: list[str], body: bytes) -> None:
        self.type = type_
        self.args = args
        self.body = body


class _Source:
    """The ciphertext source, with the bytes read ahead while parsing the header put back in front."""

    def __init__(self, f: BinaryIO) -> None:
        self._f = f
        self._pending = b""
        self._readinto = getattr(f, "readinto", None)

    def read(self, n: int) -> bytes:
        if self._pending:
            data, self._pending = self._pending[:n], self._pending[n:]
            return data
        return self._f.read(n) or b""

    def unread(self, data: bytes) -> None:
        self._pending = data + self._pending

    def readinto_full(self, buf: memoryview) -> int:
        """Fill `buf` unless the source ends first; return the count."""
        got = 0
        want = len(buf)
        if self._pending:
            got = min(want, len(self._pending))
            buf[:got] = self._pending[:got]
            self._pending = self._pending[got:]
        while got < want:
            if self._readinto is not None:
                n = self._readinto(buf[got:])
                if n is None:
                    raise AgeError("the source is non-blocking and has no data ready")
            else:
                data = self._f.read(want - got)
                n = len(data) if data else 0
                buf[got : got + n] = data
            if not n:
                break
            got += n
        return got


def _read_line(src: _Source, budget: list[int]) -> bytes | None:
    """One header line without its '\\n', or None at end of input. `budget` caps the header's total size."""
    parts: list[bytes] = []
    while True:
        block = src.read(512)
        if not block:
            return None
        i = block.find(b"\n")
        if i >= 0:
            parts.append(block[:i])
            src.unread(block[i + 1 :])
            budget[0] -= i + 1
            if budget[0] < 0:
                raise HeaderError("header is too large")
            return b"".join(parts)
        parts.append(block)
        budget[0] -= len(block)
        if budget[0] < 0:
            raise HeaderError("header is too large")


def _split_args(line: bytes, prefix: bytes, what: str) -> list[str]:
    # Exactly one space before each argument, each a non-empty run of printable ASCII (VCHAR).
    rest = line[len(prefix) :]
    args = rest.split(b" ")
    for a in args:
        if not a or any(c < 0x21 or c > 0x7E for c in a):
            raise HeaderError(f"malformed {what} line {line[:80]!r}")
    return [a.decode("ascii") for a in args]


def _parse_header(src: _Source) -> tuple[list[_Stanza], bytes, bytes]:
    """Return (stanzas, header bytes covered by the MAC, MAC)."""
    probe = src.read(1)
    if not probe:
        raise NotAgeFileError("not an age file: the file is empty")
    src.unread(probe)
    try:
        first = _read_line(src, [128])  # binary junk must not be scanned for a megabyte of "header"
    except HeaderError:
        first = None
    if first is None:
        raise NotAgeFileError("not an age file (no age header line)")
    budget = [_MAX_HEADER]
    if first != VERSION_LINE:
        if first == VERSION_LINE + b"\r":
            raise NotAgeFileError("damaged age file: its line endings were converted to CRLF in transfer")
        if first.startswith(b"age-encryption.org/"):
            version = first[len(b"age-encryption.org/") :][:40].decode("ascii", "replace")
            raise NotAgeFileError(f"unsupported age format version {version!r} (only v1 is supported)")
        if first.rstrip(b"\r").startswith(_ARMOR_BEGIN):
            raise NotAgeFileError("this is an ASCII-armored age file; packages must be binary age files")
        raise NotAgeFileError("not an age file (wrong header line)")
    covered = [first, b"\n"]
    stanzas: list[_Stanza] = []
    while True:
        line = _read_line(src, budget)
        if line is None:
            raise HeaderError("header ends before its closing '---' line (truncated file?)")
        if line.startswith(b"---"):
            if not line.startswith(b"--- "):
                raise HeaderError("malformed header closing line")
            args = _split_args(line, b"--- ", "header closing")
            if len(args) != 1:
                raise HeaderError("malformed header closing line")
            mac = _b64decode(args[0].encode(), "header MAC")
            if len(mac) != 32:
                raise HeaderError("header MAC has the wrong length")
            covered.append(b"---")
            break
        if not line.startswith(b"-> "):
            raise HeaderError(f"malformed header line {line[:80]!r} (expected a stanza or '---')")
        args = _split_args(line, b"-> ", "stanza")
        covered += [line, b"\n"]
        body = bytearray()
        while True:
            body_line = _read_line(src, budget)
            if body_line is None:
                raise HeaderError("header ends inside a stanza body (truncated file?)")
            if len(body_line) > _COLUMNS:
                raise HeaderError("stanza body line is longer than 64 columns")
            if body_line.startswith((b"-> ", b"---")):
                raise HeaderError("stanza body does not end with a short line")
            covered += [body_line, b"\n"]
            chunk = _b64decode(body_line, "stanza body")
            body += chunk
            if len(body_line) < _COLUMNS:  # a body always ends with a short (possibly empty) line
                break
        stanzas.append(_Stanza(args[0], args[1:], bytes(body)))
    if not stanzas:
        raise HeaderError("header has no recipient stanzas")
    if any(s.type == "scrypt" for s in stanzas) and len(stanzas) != 1:
        raise HeaderError("an scrypt stanza must be the only stanza in the header")
    return stanzas, b"".join(covered), mac


def _unwrap_file_key(
    stanzas: list[_Stanza], identities: Sequence[Identity], passphrase: bytes | None, max_work_factor: int
) -> bytes:
    if stanzas[0].type == "scrypt":
        s = stanzas[0]
        if passphrase is None:
            raise NoIdentityMatched("this file is encrypted with a passphrase; a passphrase is needed")
        if len(s.args) != 2 or not _LOG2N.fullmatch(s.args[1].encode()) or len(s.body) != 32:
            raise HeaderError("malformed scrypt stanza")
        salt = _b64decode(s.args[0].encode(), "scrypt salt")
        if len(salt) != 16:
            raise HeaderError("malformed scrypt stanza: the salt must be 16 bytes")
        log2n = int(s.args[1])
        if log2n > max_work_factor:
            raise AgeError(
                f"scrypt work factor 2^{log2n} exceeds the maximum allowed 2^{max_work_factor}; refusing"
            )
        key = _scrypt(passphrase, salt, log2n)
        try:
            return ChaCha20Poly1305(key).decrypt(_ZERO_NONCE, s.body, None)
        except InvalidTag:
            raise WrongPassphrase("wrong passphrase (or the header is damaged)") from None
    x25519 = []
    for s in stanzas:
        if s.type != "X25519":
            continue  # other recipient types (plugins, ssh, grease) are not ours
        if len(s.args) != 1 or len(s.body) != 32:
            raise HeaderError("malformed X25519 stanza")
        share = _b64decode(s.args[0].encode(), "X25519 ephemeral share")
        if len(share) != 32:
            raise HeaderError("malformed X25519 stanza: the ephemeral share must be 32 bytes")
        x25519.append((share, s.body))
    for identity in identities:
        for share, body in x25519:
            file_key = identity._unwrap(share, body)
            if file_key is not None:
                return file_key
    if not identities:
        raise NoIdentityMatched("this file is not passphrase-encrypted; an age identity (key) is needed")
    raise NoIdentityMatched("no matching identity: this file was not encrypted to this workstation's key")


# ----------------------------------------------------------------------------------------- decryption


class Decryptor(io.RawIOBase):
    """Reads the plaintext of an age file from `source` (a binary file object), chunk by chunk.

    The header is parsed and the file key unwrapped in the constructor, so a wrong key or passphrase is
    reported before any plaintext. Closing it does not close `source`.
    """

    def __init__(
        self,
        source: BinaryIO,
        identities: Iterable[Identity] = (),
        *,
        passphrase: str | bytes | None = None,
        max_work_factor: int = MAX_WORK_FACTOR,
    ) -> None:
        super().__init__()
        self._src = _Source(source)
        ids = list(identities)
        if not ids and passphrase is None:
            raise ValueError("give at least one identity or a passphrase")
        stanzas, covered, mac = _parse_header(self._src)
        pw = _as_passphrase(passphrase) if passphrase is not None else None
        file_key = _unwrap_file_key(stanzas, ids, pw, max_work_factor)
        if len(file_key) != _FILE_KEY_LEN:
            raise HeaderError("the unwrapped file key has the wrong length")
        if not hmac.compare_digest(_header_mac(file_key, covered), mac):
            raise HeaderMACError("header MAC mismatch: the header was modified or damaged")
        nonce = self._src.read(16)
        while 0 < len(nonce) < 16:
            more = self._src.read(16 - len(nonce))
            if not more:
                break
            nonce += more
        if len(nonce) != 16:
            raise TruncatedError("file is truncated: it ends before the payload")
        self._aead = _payload_aead(file_key, nonce)
        self._cbuf = bytearray(_ENC_CHUNK)
        self._cview = memoryview(self._cbuf)
        self._counter = 0
        self._plain: bytes = b""
        self._pos = 0
        self._eof = False  # the final chunk was read and verified, with nothing after it
        self._failed: AgeError | None = None

    def readable(self) -> bool:
        return True

    def _next_chunk(self) -> bool:
        """Decrypt the next chunk into self._plain; False at the (verified) end of the stream."""
        if self._failed is not None:
            raise self._failed
        if self._eof:
            return False
        try:
            self._plain = b""
            self._pos = 0
            n = self._src.readinto_full(self._cview)
            index = self._counter
            if n == 0:
                raise TruncatedError(
                    "file is truncated: the payload ends without its final chunk"
                    if index
                    else "file is truncated: the payload is missing"
                )
            if n < _TAG:
                raise TruncatedError(f"file is truncated or damaged: payload chunk {index} is too short")
            data = self._cview[:n]
            last = n < _ENC_CHUNK  # only the last chunk may be short
            counter = index.to_bytes(11, "big")
            try:
                plain = self._aead.decrypt(counter + (b"\x01" if last else b"\x00"), data, None)
            except InvalidTag:
                plain = None
            if plain is None and not last:
                # A full-size chunk may still be the last one (payload length a multiple of 64 KiB).
                last = True
                try:
                    plain = self._aead.decrypt(counter + b"\x01", data, None)
                except InvalidTag:
                    plain = None
            if plain is None:
                raise PayloadError(
                    f"payload chunk {index} failed authentication: the file is damaged, "
                    "truncated or was modified"
                )
            if last:
                if not plain and index:
                    raise PayloadError("the final payload chunk is empty (not allowed unless the payload is)")
                if self._src.read(1):
                    raise PayloadError("unexpected data after the end of the encrypted payload")
                self._eof = True
            if index == _MAX_COUNTER:
                raise PayloadError("payload is too long (chunk counter overflow)")
            self._counter += 1
            self._plain = plain
            return True
        except AgeError as exc:
            self._failed = exc  # sticky: never resume after a failure
            raise

    def _advance(self, got: int) -> bool:
        """Move to the next chunk; if it fails after `got` bytes were gathered, return those first (the
        error is sticky and raised by the next call), so callers always receive every authenticated byte."""
        try:
            return self._next_chunk()
        except AgeError:
            if got:
                return False
            raise

    def readinto(self, buffer: bytearray | memoryview) -> int:
        out = memoryview(buffer).cast("B")
        want = len(out)
        got = 0
        while got < want:
            if self._pos >= len(self._plain) and not self._advance(got):
                break
            k = min(want - got, len(self._plain) - self._pos)
            out[got : got + k] = self._plain[self._pos : self._pos + k]
            self._pos += k
            got += k
        return got

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            return self.readall()
        parts: list[bytes] = []
        got = 0
        while got < size:
            if self._pos >= len(self._plain) and not self._advance(got):
                break
            k = min(size - got, len(self._plain) - self._pos)
            if self._pos == 0 and k == len(self._plain):
                parts.append(self._plain)  # whole chunk: no copy
            else:
                parts.append(self._plain[self._pos : self._pos + k])
            self._pos += k
            got += k
        return parts[0] if len(parts) == 1 else b"".join(parts)

    def readall(self) -> bytes:
        parts = []
        while chunk := self.read(1 << 20):
            parts.append(chunk)
        return b"".join(parts)

    def close(self) -> None:
        self._plain = b""
        super().close()


# ----------------------------------------------------------------------------------------- encryption


def _stanza_bytes(type_: str, args: list[str], body: bytes) -> bytes:
    text = _b64encode(body)
    lines = [text[i : i + _COLUMNS] for i in range(0, len(text), _COLUMNS)]
    if not lines or len(lines[-1]) == _COLUMNS:
        lines.append(b"")  # the body must end with a short line
    head = " ".join(["->", type_, *args]).encode("ascii")
    return b"\n".join([head, *lines]) + b"\n"


def _build_header(
    file_key: bytes, recipients: Sequence[Recipient], passphrase: bytes | None, work_factor: int
) -> bytes:
    parts = [_MAGIC]
    if passphrase is not None:
        if recipients:
            raise ValueError("a passphrase cannot be combined with other recipients (age forbids it)")
        if not 1 <= work_factor <= 30:
            raise ValueError("scrypt work factor out of range")
        salt = os.urandom(16)
        key = _scrypt(passphrase, salt, work_factor)
        body = ChaCha20Poly1305(key).encrypt(_ZERO_NONCE, file_key, None)
        parts.append(_stanza_bytes("scrypt", [_b64encode(salt).decode(), str(work_factor)], body))
    else:
        if not recipients:
            raise ValueError("give at least one recipient or a passphrase")
        for r in recipients:
            eph = X25519PrivateKey.generate()
            share = eph.public_key().public_bytes_raw()
            shared = eph.exchange(X25519PublicKey.from_public_bytes(r.to_bytes()))
            key = _hkdf(shared, share + r.to_bytes(), _X25519_LABEL)
            body = ChaCha20Poly1305(key).encrypt(_ZERO_NONCE, file_key, None)
            parts.append(_stanza_bytes("X25519", [_b64encode(share).decode()], body))
    parts.append(b"---")
    header = b"".join(parts)
    return header + b" " + _b64encode(_header_mac(file_key, header)) + b"\n"


class Encryptor(io.RawIOBase):
    """Writes an age file to `dest`. `close()` writes the final chunk (it does not close `dest`).

    Used as a context manager, an exception inside the block abandons the output without a final chunk, so
    a half-written file can never pass for a complete (shorter) one.
    """

    def __init__(
        self,
        dest: BinaryIO,
        recipients: Iterable[Recipient | str] = (),
        *,
        passphrase: str | bytes | None = None,
        work_factor: int = DEFAULT_WORK_FACTOR,
    ) -> None:
        super().__init__()
        self._abandoned = True  # until fully set up, so close()/GC never writes a final chunk
        recips = [r if isinstance(r, Recipient) else Recipient.from_str(r) for r in recipients]
        pw = _as_passphrase(passphrase) if passphrase is not None else None
        file_key = os.urandom(_FILE_KEY_LEN)
        self._dst = dest
        self._dst.write(_build_header(file_key, recips, pw, work_factor))
        nonce = os.urandom(16)
        self._dst.write(nonce)
        self._aead = _payload_aead(file_key, nonce)
        self._buf = bytearray(CHUNK_SIZE)
        self._fill = 0
        self._counter = 0
        self._abandoned = False

    def __del__(self) -> None:
        # Only an explicit close() finalizes: an Encryptor dropped by an error path must stay truncated.
        if not self.closed:
            self._abandoned = True
        super().__del__()

    def writable(self) -> bool:
        return True

    def _flush_chunk(self, last: bool) -> None:
        if self._counter == _MAX_COUNTER:
            raise ValueError("payload too long for age")
        nonce = self._counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")
        self._dst.write(self._aead.encrypt(nonce, memoryview(self._buf)[: self._fill], None))
        self._counter += 1
        self._fill = 0

    def write(self, data: bytes | bytearray | memoryview) -> int:
        if self.closed:
            raise ValueError("write to a closed Encryptor")
        view = memoryview(data).cast("B")
        total = len(view)
        pos = 0
        try:
            while pos < total:
                # Hold a full chunk back until more data arrives: only then is it known not to be the last.
                if self._fill == CHUNK_SIZE:
                    self._flush_chunk(last=False)
                k = min(CHUNK_SIZE - self._fill, total - pos)
                self._buf[self._fill : self._fill + k] = view[pos : pos + k]
                self._fill += k
                pos += k
        except BaseException:
            self._abandoned = True  # the output is now inconsistent; never finalize it
            raise
        return total

    def abandon(self) -> None:
        """Close without writing the final chunk: the output will not decrypt (it reads as truncated)."""
        self._abandoned = True
        self.close()

    def close(self) -> None:
        if not self.closed:
            try:
                if not getattr(self, "_abandoned", True):
                    self._flush_chunk(last=True)
            finally:
                self._buf = bytearray()
                self._abandoned = True
                super().close()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is not None:
            self.abandon()
        else:
            self.close()


@contextmanager
def open_encryptor(
    dest: BinaryIO,
    recipients: Iterable[Recipient | str] = (),
    *,
    passphrase: str | bytes | None = None,
    work_factor: int = DEFAULT_WORK_FACTOR,
) -> Iterator[Encryptor]:
    """`with open_encryptor(f, [recipient]) as w: w.write(...)` — finalized only if the block succeeds."""
    with Encryptor(dest, recipients, passphrase=passphrase, work_factor=work_factor) as enc:
        yield enc


def encrypt_stream(
    src: BinaryIO,
    dest: BinaryIO,
    recipients: Iterable[Recipient | str] = (),
    *,
    passphrase: str | bytes | None = None,
    work_factor: int = DEFAULT_WORK_FACTOR,
) -> int:
    """Encrypt all of `src` to `dest`; returns the number of plaintext bytes."""
    total = 0
    buf = bytearray(1 << 20)
    view = memoryview(buf)
    with open_encryptor(dest, recipients, passphrase=passphrase, work_factor=work_factor) as enc:
        readinto = getattr(src, "readinto", None)
        while True:
            if readinto is not None:
                n = readinto(view)
                if n is None:
                    raise ValueError("the source is non-blocking and has no data ready")
                if not n:
                    break
                enc.write(view[:n])
            else:
                data = src.read(1 << 20)
                if not data:
                    break
                n = len(data)
                enc.write(data)
            total += n
    return total


def decrypt_stream(
    src: BinaryIO,
    dest: BinaryIO,
    identities: Iterable[Identity] = (),
    *,
    passphrase: str | bytes | None = None,
    max_work_factor: int = MAX_WORK_FACTOR,
) -> int:
    """Decrypt all of `src` to `dest` (which sees plaintext before the end is verified); returns the size."""
    total = 0
    with Decryptor(src, identities, passphrase=passphrase, max_work_factor=max_work_factor) as dec:
        while chunk := dec.read(1 << 20):
            dest.write(chunk)
            total += len(chunk)
    return total


def encrypt(
    data: bytes,
    recipients: Iterable[Recipient | str] = (),
    *,
    passphrase: str | bytes | None = None,
    work_factor: int = DEFAULT_WORK_FACTOR,
) -> bytes:
    out = io.BytesIO()
    with open_encryptor(out, recipients, passphrase=passphrase, work_factor=work_factor) as enc:
        enc.write(data)
    return out.getvalue()


def decrypt(
    data: bytes,
    identities: Iterable[Identity] = (),
    *,
    passphrase: str | bytes | None = None,
    max_work_factor: int = MAX_WORK_FACTOR,
) -> bytes:
    with Decryptor(io.BytesIO(data), identities, passphrase=passphrase, max_work_factor=max_work_factor) as d:
        return d.read()


__all__ = [
    "CHUNK_SIZE",
    "AgeError",
    "Decryptor",
    "Encryptor",
    "HeaderError",
    "HeaderMACError",
    "Identity",
    "NoIdentityMatched",
    "NotAgeFileError",
    "PayloadError",
    "Recipient",
    "TruncatedError",
    "WrongPassphrase",
    "decrypt",
    "decrypt_stream",
    "encrypt",
    "encrypt_stream",
    "is_age_file",
]
