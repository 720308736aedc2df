"""age v1 and Bech32: interoperability with the real `age` tool and pyrage, and every way a file can be bad.

The `age`/`age-keygen` programs are needed for the cross-checks (Debian: `apt-get install age`); those tests
skip, saying so, when the binaries are absent. pyrage (the Rust age implementation) checks the rest.
"""

from __future__ import annotations

import base64
import io
import os
import random
import re
import shutil
import subprocess
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reviewdesk.packages import age, bech32
from reviewdesk.packages.age import (
    CHUNK_SIZE,
    AgeError,
    Decryptor,
    HeaderError,
    HeaderMACError,
    Identity,
    NoIdentityMatched,
    NotAgeFileError,
    PayloadError,
    Recipient,
    TruncatedError,
    WrongPassphrase,
)

pyrage = pytest.importorskip("pyrage")

ENC = CHUNK_SIZE + 16
SIZES = [0, 1, 65535, 65536, 65537, 2 * 65536, 200_001]
FAST = 10  # scrypt work factor for tests that make passphrase files (age's default 18 takes ~1 s)


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(
            f"the `{name}` program is not installed (Debian: apt-get install age); cross-check skipped"
        )
    return path


@pytest.fixture(scope="module")
def ident() -> Identity:
    return Identity.generate()


@pytest.fixture
def age_cli(tmp_path: Path, ident: Identity):
    """Run `age` with our identity in an identity file; returns (returncode, stdout, stderr)."""
    exe = _tool("age")
    key_file = tmp_path / "key.txt"
    key_file.write_text(f"# test identity\n{ident}\n")

    def run(*args: str, data: bytes = b"") -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([exe, *args], input=data, capture_output=True, timeout=60, check=False)

    run.key_file = key_file  # type: ignore[attr-defined]
    return run


def _data(n: int) -> bytes:
    return random.Random(n).randbytes(n)


def _read_all_collecting(f: io.RawIOBase, step: int = 10_000) -> tuple[bytes, AgeError | None]:
    """Read until the end or an error; return what was handed out and the error."""
    out = bytearray()
    try:
        while chunk := f.read(step):
            out += chunk
    except AgeError as exc:
        return bytes(out), exc
    return bytes(out), None


def _open(data: bytes, ident: Identity) -> tuple[bytes, AgeError | None]:
    try:
        dec = Decryptor(io.BytesIO(data), [ident])
    except AgeError as exc:
        return b"", exc
    return _read_all_collecting(dec)


def _header_end(data: bytes) -> int:
    i = data.index(b"\n---")
    return data.index(b"\n", i + 1) + 1


def _craft(
    file_key: bytes,
    recipient: Recipient,
    chunks: list[tuple[bytes, bool]],
    extra_stanzas: bytes = b"",
    nonce: bytes | None = None,
) -> bytes:
    """An age file with a chosen payload layout (chunk data, last flag) — for cases no encoder makes."""
    header = age._build_header(file_key, [recipient], None, 18)
    body = header[: header.rindex(b"---")] + extra_stanzas + b"---"
    header = body + b" " + age._b64encode(age._header_mac(file_key, body)) + b"\n"
    nonce = nonce or os.urandom(16)
    aead = age._payload_aead(file_key, nonce)
    out = [header, nonce]
    for i, (data, last) in enumerate(chunks):
        out.append(aead.encrypt(i.to_bytes(11, "big") + (b"\x01" if last else b"\x00"), data, None))
    return b"".join(out)


# ------------------------------------------------------------------------------------------- bech32

BIP173_VALID = [
    "A12UEL5L",
    "a12uel5l",
    "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
    "11" + "q" * 82 + "c8247j",
]
BIP173_INVALID = [
    "\x201nwldj5",  # HRP character out of range
    "\x7f1axkwrx",
    "pzry9x0s0muk",  # no separator
    "1pzry9x0s0muk",  # empty HRP
    "x1b4n0q5v",  # invalid data character
    "li1dgmt3",  # checksum too short
    "A1G7SGD8",  # checksum computed with an upper-case HRP
    "10a06t8",  # empty HRP
    "1qzzfhee",
    "a12UEL5L",  # mixed case
]


@pytest.mark.parametrize("text", BIP173_VALID)
def test_bech32_bip173_valid_vectors(text: str) -> None:
    hrp, data = bech32.decode(text)
    assert bech32.encode(hrp, data) == text


@pytest.mark.parametrize("text", BIP173_INVALID)
def test_bech32_bip173_invalid_vectors(text: str) -> None:
    with pytest.raises(ValueError, match="bech32"):
        bech32.decode(text)


@settings(max_examples=150, deadline=None)
@given(
    hrp=st.sampled_from(["age", "AGE-SECRET-KEY-", "a", "X"])
    | st.text(st.characters(min_codepoint=33, max_codepoint=126), min_size=1),
    data=st.binary(max_size=120),
)
def test_bech32_round_trip(hrp: str, data: bytes) -> None:
    assume(hrp.lower() == hrp or hrp.upper() == hrp)
    text = bech32.encode(hrp, data)
    assert text == text.lower() or text == text.upper()
    assert bech32.decode(text) == (hrp, data)


@settings(max_examples=150, deadline=None)
@given(data=st.binary(min_size=32, max_size=32), pos=st.integers(0, 100), new=st.sampled_from(bech32.CHARSET))
def test_bech32_detects_a_substituted_character(data: bytes, pos: int, new: str) -> None:
    text = bech32.encode("age", data)
    pos = 4 + pos % (len(text) - 4)  # somewhere in the data or checksum part
    assume(text[pos] != new)
    with pytest.raises(ValueError):
        bech32.decode(text[:pos] + new + text[pos + 1 :])


def test_bech32_rejects_non_canonical_padding() -> None:
    text = bech32.encode("age", b"\xff")  # 8 bits -> two groups, the second with 2 padding bits
    hrp, values = "age", [bech32.CHARSET.index(c) for c in text[4:-6]]
    values[-1] |= 1  # set a padding bit, and give it a valid checksum
    poly = bech32._polymod(bech32._hrp_expand(hrp) + values + [0] * 6) ^ 1
    bad = (
        hrp
        + "1"
        + "".join(bech32.CHARSET[v] for v in values + [(poly >> 5 * (5 - i)) & 31 for i in range(6)])
    )
    with pytest.raises(ValueError, match="padding"):
        bech32.decode(bad)


def test_keys_match_age_keygen(tmp_path: Path) -> None:
    exe = _tool("age-keygen")
    key_file = tmp_path / "k.txt"
    subprocess.run([exe, "-o", str(key_file)], check=True, capture_output=True)
    secret = next(line for line in key_file.read_text().splitlines() if line.startswith("AGE-SECRET-KEY-1"))
    public = subprocess.run(
        [exe, "-y", str(key_file)], check=True, capture_output=True, text=True
    ).stdout.strip()
    ident = Identity.from_str(secret)
    assert str(ident) == secret
    assert str(ident.recipient()) == public
    assert Identity.from_bytes(ident.to_bytes()).recipient() == Recipient.from_str(public)


def test_identity_and_recipient_strings() -> None:
    ident = Identity.generate()
    text = str(ident)
    assert text.startswith("AGE-SECRET-KEY-1") and text == text.upper()
    rec = str(ident.recipient())
    assert rec.startswith("age1") and rec == rec.lower()
    assert str(pyrage.x25519.Identity.from_str(text).to_public()) == rec
    assert Recipient.from_str(rec) == ident.recipient()
    assert str(ident) not in repr(ident)  # the secret never shows in logs
    with pytest.raises(ValueError, match="identity"):
        Identity.from_str(text.lower())  # age wants identities upper-case
    with pytest.raises(ValueError, match="recipient"):
        Recipient.from_str(rec.upper())  # and recipients lower-case
    with pytest.raises(ValueError, match="identity"):
        Identity.from_str(rec)
    with pytest.raises(ValueError, match="recipient"):
        Recipient.from_str(text)
    with pytest.raises(ValueError, match="checksum"):
        Recipient.from_str(rec[:-1] + ("q" if rec[-1] != "q" else "p"))
    with pytest.raises(ValueError):
        Recipient.from_str(bech32.encode("age", b"\x01" * 31))  # wrong length


# ------------------------------------------------------------------------------------ interoperability


@pytest.mark.parametrize("size", SIZES)
def test_ours_decrypted_by_age_cli(size: int, ident: Identity, age_cli) -> None:
    data = _data(size)
    enc = age.encrypt(data, [ident.recipient()])
    assert age.is_age_file(enc)
    res = age_cli("-d", "-i", str(age_cli.key_file), data=enc)
    assert res.returncode == 0, res.stderr
    assert res.stdout == data


@pytest.mark.parametrize("size", SIZES)
def test_age_cli_decrypted_by_ours(size: int, ident: Identity, age_cli) -> None:
    data = _data(size)
    res = age_cli("-e", "-r", str(ident.recipient()), data=data)
    assert res.returncode == 0, res.stderr
    assert age.decrypt(res.stdout, [ident]) == data
    # And through the streaming reader with awkward read sizes.
    with Decryptor(io.BytesIO(res.stdout), [ident]) as dec:
        parts = []
        sizes = [1, 7, 65535, 2, 100_000, 65536]
        i = 0
        while chunk := dec.read(sizes[i % len(sizes)]):
            parts.append(chunk)
            i += 1
    assert b"".join(parts) == data


@pytest.mark.parametrize("size", SIZES)
def test_pyrage_both_ways(size: int, ident: Identity) -> None:
    data = _data(size)
    pid = pyrage.x25519.Identity.from_str(str(ident))
    assert pyrage.decrypt(age.encrypt(data, [ident.recipient()]), [pid]) == data
    assert age.decrypt(pyrage.encrypt(data, [pid.to_public()]), [ident]) == data


@pytest.mark.parametrize("size", [0, 65536, 65537])
def test_passphrase_ours_decrypted_by_pyrage(size: int) -> None:
    data = _data(size)
    enc = age.encrypt(data, passphrase="correct horse 电池", work_factor=FAST)
    assert b"-> scrypt " in enc and enc.count(b"\n-> ") == 1
    assert pyrage.passphrase.decrypt(enc, "correct horse 电池") == data


def test_passphrase_pyrage_decrypted_by_ours() -> None:
    data = _data(70_000)
    # rage picks the work factor by timing scrypt on this machine (lower when it is loaded), so the
    # refusal is checked against the factor this file carries, read from its stanza.
    enc = pyrage.passphrase.encrypt(data, "correct horse 电池")
    found = re.search(rb"\n-> scrypt \S+ (\d+)\n", enc)
    assert found is not None
    work_factor = int(found.group(1))
    assert age.decrypt(enc, passphrase="correct horse 电池") == data
    with pytest.raises(AgeError, match="work factor"):
        age.decrypt(enc, passphrase="correct horse 电池", max_work_factor=work_factor - 1)


def test_multiple_recipients(tmp_path: Path, age_cli) -> None:
    others = [Identity.generate() for _ in range(3)]
    data = _data(100_000)
    enc = age.encrypt(data, [i.recipient() for i in others])
    for other in others:
        assert age.decrypt(enc, [Identity.generate(), other]) == data
        key = tmp_path / "other.txt"
        key.write_text(str(other) + "\n")
        res = age_cli("-d", "-i", str(key), data=enc)
        assert res.returncode == 0 and res.stdout == data
    res = age_cli("-e", *sum((["-r", str(i.recipient())] for i in others), []), data=data)
    assert age.decrypt(res.stdout, [others[2]]) == data


def test_unknown_stanzas_are_ignored_like_age(ident: Identity, age_cli) -> None:
    file_key = os.urandom(16)
    extra = b"-> grease-X(7 a.b c\n" + base64.b64encode(b"z" * 48) + b"\n\n-> other\n\n"
    enc = _craft(file_key, ident.recipient(), [(b"hello", True)], extra_stanzas=extra)
    assert age.decrypt(enc, [ident]) == b"hello"
    res = age_cli("-d", "-i", str(age_cli.key_file), data=enc)
    assert res.returncode == 0 and res.stdout == b"hello"


def test_streaming_helpers_and_small_writes(ident: Identity) -> None:
    data = _data(300_000)
    out = io.BytesIO()
    with age.open_encryptor(out, [str(ident.recipient())]) as w:
        for i in range(0, len(data), 999):
            w.write(data[i : i + 999])
    sink = io.BytesIO()
    assert age.decrypt_stream(io.BytesIO(out.getvalue()), sink, [ident]) == len(data)
    assert sink.getvalue() == data
    out2 = io.BytesIO()
    assert age.encrypt_stream(io.BytesIO(data), out2, [ident.recipient()]) == len(data)
    buf = bytearray(12345)
    got = bytearray()
    with Decryptor(io.BytesIO(out2.getvalue()), [ident]) as dec:
        while n := dec.readinto(buf):
            got += buf[:n]
    assert got == data


class _Trickle(io.RawIOBase):
    """A pipe-like source that hands out at most a few bytes per read."""

    def __init__(self, data: bytes) -> None:
        self._src = io.BytesIO(data)
        self._rng = random.Random(1)

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        n = min(len(b), self._rng.randint(1, 3000))
        data = self._src.read(n)
        b[: len(data)] = data
        return len(data)


def test_short_reads_from_source(ident: Identity) -> None:
    data = _data(3 * 65536)
    enc = age.encrypt(data, [ident.recipient()])
    assert Decryptor(_Trickle(enc), [ident]).read() == data


def test_memory_is_bounded_by_a_chunk(ident: Identity, tmp_path: Path) -> None:
    path = tmp_path / "big.age"
    with path.open("wb") as f, age.open_encryptor(f, [ident.recipient()]) as w:
        block = os.urandom(1 << 20)
        for _ in range(16):
            w.write(block)
    tracemalloc.start()
    try:
        with path.open("rb") as f, Decryptor(f, [ident]) as dec:
            while dec.read(CHUNK_SIZE):
                pass
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 600_000, f"peak {peak} bytes while decrypting 16 MiB"


def test_is_age_file(ident: Identity) -> None:
    assert age.is_age_file(age.encrypt(b"x", [ident.recipient()])[:22])
    assert not age.is_age_file(b"age-encryption.org/v1")  # too short to tell
    assert not age.is_age_file(b"%PDF-1.7\n")
    assert not age.is_age_file(b"-----BEGIN AGE ENCRYPTED FILE-----\n")
    assert not age.is_age_file(b"")


# ------------------------------------------------------------------------------------------ failures


def test_not_age_files(ident: Identity) -> None:
    for data, pattern in [
        (b"", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "not an age file"),
        (os.urandom(100_000), "not an age file"),
        (b"age-encryption.org/v2\n-> X25519 abc\n", "version 'v2'"),
        (b"-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n-----END AGE ENCRYPTED FILE-----\n", "armored"),
        (b"age-encryption.org/v1", "not an age file"),  # no newline
    ]:
        with pytest.raises(NotAgeFileError, match=pattern):
            Decryptor(io.BytesIO(data), [ident])


def test_wrong_identity_and_passphrase(ident: Identity) -> None:
    enc = age.encrypt(b"secret", [ident.recipient()])
    with pytest.raises(NoIdentityMatched, match="not encrypted to this workstation"):
        Decryptor(io.BytesIO(enc), [Identity.generate(), Identity.generate()])
    with pytest.raises(NoIdentityMatched, match="identity"):
        Decryptor(io.BytesIO(enc), [], passphrase="pw")
    penc = age.encrypt(b"secret", passphrase="right", work_factor=FAST)
    with pytest.raises(WrongPassphrase, match="wrong passphrase"):
        Decryptor(io.BytesIO(penc), passphrase="wrong")
    with pytest.raises(NoIdentityMatched, match="passphrase is needed"):
        Decryptor(io.BytesIO(penc), [ident])
    with pytest.raises(ValueError):
        Decryptor(io.BytesIO(penc))
    with pytest.raises(ValueError, match="cannot be combined"):
        age.encrypt(b"x", [ident.recipient()], passphrase="pw", work_factor=FAST)


def _scrypt_header(args: str, body: bytes = b"x" * 32, extra: bytes = b"") -> bytes:
    return (
        b"age-encryption.org/v1\n-> scrypt " + args.encode() + b"\n" + age._b64encode(body) + b"\n" + extra
        + b"--- " + age._b64encode(b"m" * 32) + b"\n" + b"\0" * 40
    )  # fmt: skip


def test_scrypt_limits_and_rules(ident: Identity) -> None:
    salt = age._b64encode(b"s" * 16).decode()
    with pytest.raises(AgeError, match=r"2\^23 exceeds"):
        Decryptor(io.BytesIO(_scrypt_header(f"{salt} 23")), passphrase="pw")  # refused before any work
    with pytest.raises(AgeError, match=r"2\^40 exceeds"):
        Decryptor(io.BytesIO(_scrypt_header(f"{salt} 40")), passphrase="pw")
    for bad in [f"{salt} 018", f"{salt} 0", f"{salt} -1", f"{salt}", f"{salt} 10 x", "c2FsdA 10"]:
        with pytest.raises(HeaderError, match="scrypt"):
            Decryptor(io.BytesIO(_scrypt_header(bad)), passphrase="pw")
    other = b"-> X25519 " + age._b64encode(b"k" * 32) + b"\n" + age._b64encode(b"b" * 32) + b"\n"
    with pytest.raises(HeaderError, match="only stanza"):
        Decryptor(io.BytesIO(_scrypt_header(f"{salt} 10", extra=other)), passphrase="pw")


def test_every_header_bit_flip_is_rejected(ident: Identity) -> None:
    data = _data(1000)
    enc = bytearray(age.encrypt(data, [ident.recipient()]))
    end = _header_end(enc)
    for pos in range(end):
        for bit in (0, 5, 7):
            bad = bytearray(enc)
            bad[pos] ^= 1 << bit
            out, err = _open(bytes(bad), ident)
            assert err is not None, f"flip at header byte {pos} bit {bit} accepted"
            assert out == b""


def test_header_mac_mismatch(ident: Identity) -> None:
    enc = age.encrypt(b"abc", [ident.recipient()])
    end = _header_end(enc)
    mac_line = enc.rindex(b"--- ", 0, end)
    bad = enc[: mac_line + 4] + age._b64encode(os.urandom(32)) + enc[end - 1 :]
    with pytest.raises(HeaderMACError, match="header MAC"):
        Decryptor(io.BytesIO(bad), [ident])


@pytest.mark.parametrize("size", [1, 65536, 3 * 65536 + 5])
def test_payload_bit_flips_fail_at_the_damaged_chunk(size: int, ident: Identity) -> None:
    data = _data(size)
    enc = age.encrypt(data, [ident.recipient()])
    start = _header_end(enc) + 16
    rng = random.Random(size)
    positions = {start - 16, start - 1, start, len(enc) - 1, len(enc) - 17}
    positions |= {start + k * ENC + off for k in range(4) for off in (0, ENC - 17, ENC - 1)}
    positions |= {rng.randrange(start - 16, len(enc)) for _ in range(40)}
    for pos in sorted(p for p in positions if start - 16 <= p < len(enc)):
        bad = bytearray(enc)
        bad[pos] ^= 1 << rng.randrange(8)
        out, err = _open(bytes(bad), ident)
        assert isinstance(err, PayloadError), f"flip at {pos}: {err!r}"
        damaged = 0 if pos < start else (pos - start) // ENC
        assert out == data[: damaged * CHUNK_SIZE], f"flip at {pos} released unauthenticated data"


@pytest.mark.parametrize("size", [0, 1, 65535, 65536, 65537, 2 * 65536, 3 * 65536 + 123])
def test_truncation_anywhere_is_detected(size: int, ident: Identity) -> None:
    data = _data(size)
    enc = age.encrypt(data, [ident.recipient()])
    start = _header_end(enc) + 16
    cuts = {0, 1, 21, 22, start - 17, start - 16, start - 1, start, start + 1, start + 15, start + 16}
    cuts |= {start + k * ENC + d for k in range(5) for d in (-1, 0, 1)}  # at and around chunk boundaries
    cuts |= {len(enc) - d for d in (1, 2, 16, 17)}
    cuts |= set(random.Random(size).sample(range(len(enc)), min(30, len(enc))))
    for cut in sorted(c for c in cuts if 0 <= c < len(enc)):
        out, err = _open(enc[:cut], ident)
        assert isinstance(err, AgeError), f"truncation at {cut} of {len(enc)} not detected"
        assert data.startswith(out) and len(out) % CHUNK_SIZE == 0 and len(out) < max(size, 1)
        if cut >= start and (cut - start) % ENC == 0:
            assert isinstance(err, TruncatedError), f"cut at chunk boundary {cut}: {err!r}"


@pytest.mark.parametrize("size", [0, 5, 65536, 65537])
@pytest.mark.parametrize("garbage", [b"\0", b"x" * 16, os.urandom(ENC)])
def test_data_after_the_final_chunk(size: int, garbage: bytes, ident: Identity) -> None:
    data = _data(size)
    enc = age.encrypt(data, [ident.recipient()])
    out, err = _open(enc + garbage, ident)
    assert isinstance(err, PayloadError)
    assert "after the end" in str(err) or "failed authentication" in str(err)
    # The final chunk's plaintext is withheld until the end is verified.
    assert len(out) <= max(0, (size - 1) // CHUNK_SIZE * CHUNK_SIZE)


def test_appended_valid_age_file_is_rejected(ident: Identity, age_cli) -> None:
    enc = age.encrypt(b"one", [ident.recipient()]) + age.encrypt(b"two", [ident.recipient()])
    _, err = _open(enc, ident)
    assert isinstance(err, PayloadError)
    assert age_cli("-d", "-i", str(age_cli.key_file), data=enc).returncode != 0


def test_payload_layout_rules(ident: Identity, age_cli) -> None:
    key = os.urandom(16)
    r = ident.recipient()
    full = os.urandom(CHUNK_SIZE)
    cases = {
        # A full-size final chunk is fine; so is an empty payload as one empty final chunk.
        "full last": ([(full, True)], full),
        "empty payload": ([(b"", True)], b""),
        "two chunks": ([(full, False), (b"ab", True)], full + b"ab"),
        # Everything else is refused.
        "empty last chunk after data": ([(full, False), (b"", True)], None),
        "short non-last chunk": ([(b"abc", False), (b"d", True)], None),
        "last flag on a middle chunk": ([(full, True), (b"d", True)], None),
        "no last chunk": ([(full, False)], None),
        "only a non-last short chunk": ([(b"abc", False)], None),
        "empty non-last chunk": ([(b"", False)], None),
        "oversized chunk": ([(full + b"x", True)], None),
    }
    for name, (chunks, expected) in cases.items():
        enc = _craft(key, r, chunks)
        out, err = _open(enc, ident)
        cli = age_cli("-d", "-i", str(age_cli.key_file), data=enc)
        if expected is None:
            assert isinstance(err, PayloadError), name
            assert cli.returncode != 0, f"age accepts {name}"
        else:
            assert err is None and out == expected, name
            assert cli.returncode == 0 and cli.stdout == expected, name


def test_reordered_or_dropped_chunks(ident: Identity) -> None:
    data = _data(4 * 65536 + 10)
    enc = age.encrypt(data, [ident.recipient()])
    start = _header_end(enc) + 16
    chunks = [enc[i : i + ENC] for i in range(start, len(enc), ENC)]
    head = enc[:start]
    for variant in (
        [chunks[1], chunks[0], *chunks[2:]],
        [chunks[0], *chunks[2:]],
        chunks[:-2] + chunks[-1:],
        [*chunks, chunks[-1]],
    ):
        out, err = _open(head + b"".join(variant), ident)
        assert isinstance(err, PayloadError)
        assert data.startswith(out)


def test_errors_are_sticky(ident: Identity) -> None:
    data = _data(3 * 65536)
    enc = bytearray(age.encrypt(data, [ident.recipient()]))
    enc[_header_end(enc) + 16 + ENC + 5] ^= 1
    dec = Decryptor(io.BytesIO(bytes(enc)), [ident])
    assert dec.read(CHUNK_SIZE) == data[:CHUNK_SIZE]
    for _ in range(2):
        with pytest.raises(PayloadError, match="chunk 1"):
            dec.read(10)


def test_abandoned_encryption_does_not_produce_a_valid_file(ident: Identity) -> None:
    out = io.BytesIO()
    with pytest.raises(RuntimeError), age.open_encryptor(out, [ident.recipient()]) as w:
        w.write(b"partial data")
        raise RuntimeError("disk full")
    _, err = _open(out.getvalue(), ident)
    assert isinstance(err, TruncatedError)
    out2 = io.BytesIO()
    w2 = age.Encryptor(out2, [ident.recipient()])
    w2.write(b"x" * 100)
    del w2  # dropped without close(): must not be finalized by the garbage collector
    _, err = _open(out2.getvalue(), ident)
    assert isinstance(err, TruncatedError)


# -------------------------------------------------------------------------------- header parser (strict)


def _parse(header: bytes) -> tuple[list[age._Stanza], bytes, bytes]:
    return age._parse_header(age._Source(io.BytesIO(header)))


def _valid_header(ident: Identity) -> bytes:
    enc = age.encrypt(b"", [ident.recipient()])
    return enc[: _header_end(enc)]


def test_malformed_headers_rejected_like_age(ident: Identity, age_cli) -> None:
    good = age.encrypt(b"hi", [ident.recipient()])
    body = age._b64encode(b"b" * 32)
    share = age._b64encode(b"k" * 32)
    end = _header_end(good)
    stanza_line = good[22 : good.index(b"\n", 22)]
    mutations = {
        "double space in stanza": good.replace(b"-> X25519 ", b"->  X25519 ", 1),
        "trailing space": good.replace(stanza_line, stanza_line + b" ", 1),
        "CRLF": good.replace(b"age-encryption.org/v1\n", b"age-encryption.org/v1\r\n", 1),
        "padded MAC": good[: end - 1] + b"=" + good[end - 1 :],
        "no space after ---": good.replace(b"\n--- ", b"\n---", 1),
    }
    for name, bad in mutations.items():
        assert bad != good
        with pytest.raises(AgeError):
            Decryptor(io.BytesIO(bad), [ident])
        assert age_cli("-d", "-i", str(age_cli.key_file), data=bad).returncode != 0, f"age accepts {name}"
    for name, header in {
        "no stanzas": b"age-encryption.org/v1\n--- " + share[:43] + b"\n",
        "body line too long": b"age-encryption.org/v1\n-> X25519 " + share + b"\n" + b"A" * 68 + b"\n",
        "missing final short line": (
            b"age-encryption.org/v1\n-> X25519 "
            + share
            + b"\n"
            + age._b64encode(b"x" * 48)
            + b"\n--- "
            + share
            + b"\n"
        ),
        "padded body": b"age-encryption.org/v1\n-> X25519 "
        + share
        + b"\n"
        + body
        + b"=\n--- "
        + share
        + b"\n",
        "empty argument": b"age-encryption.org/v1\n-> X25519 " + share + b" \n" + body + b"\n",
        "non-ascii argument": b"age-encryption.org/v1\n-> X25519 \xc3\xa9\n"
        + body
        + b"\n--- "
        + share
        + b"\n",
        "truncated in stanza": b"age-encryption.org/v1\n-> X25519 " + share + b"\n",
        "garbage line": b"age-encryption.org/v1\nhello\n--- " + share + b"\n",
        "empty stanza": b"age-encryption.org/v1\n->\n\n--- " + share + b"\n",
        "short MAC": b"age-encryption.org/v1\n-> X25519 " + share + b"\n" + body + b"\n--- AAAA\n",
        "two MAC args": b"age-encryption.org/v1\n-> X25519 "
        + share
        + b"\n"
        + body
        + b"\n--- "
        + share
        + b" x\n",
    }.items():
        with pytest.raises(HeaderError):
            _parse(header + b"\0" * 32)
        assert age_cli("-d", "-i", str(age_cli.key_file), data=header).returncode != 0, f"age accepts {name}"


def test_x25519_stanza_shape(ident: Identity) -> None:
    share = age._b64encode(b"k" * 32)
    for stanza in [
        b"-> X25519\n" + age._b64encode(b"b" * 32) + b"\n",  # no share
        b"-> X25519 " + share + b" extra\n" + age._b64encode(b"b" * 32) + b"\n",
        b"-> X25519 " + age._b64encode(b"k" * 31) + b"\n" + age._b64encode(b"b" * 32) + b"\n",
        b"-> X25519 " + share + b"\n" + age._b64encode(b"b" * 33) + b"\n",
    ]:
        header = b"age-encryption.org/v1\n" + stanza + b"--- " + age._b64encode(b"m" * 32) + b"\n"
        with pytest.raises(HeaderError, match="X25519"):
            Decryptor(io.BytesIO(header + b"\0" * 40), [ident])
    low_order = b"-> X25519 " + age._b64encode(bytes(32)) + b"\n" + age._b64encode(b"b" * 32) + b"\n"
    header = b"age-encryption.org/v1\n" + low_order + b"--- " + age._b64encode(b"m" * 32) + b"\n"
    with pytest.raises(HeaderError, match="low-order"):
        Decryptor(io.BytesIO(header + b"\0" * 40), [ident])


_arg = st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=20)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    stanzas=st.lists(
        st.tuples(_arg, st.lists(_arg, max_size=3), st.binary(max_size=200)), min_size=1, max_size=4
    ),
    mac=st.binary(min_size=32, max_size=32),
)
def test_header_round_trip(stanzas: list[tuple[str, list[str], bytes]], mac: bytes) -> None:
    assume(not any(t == "scrypt" for t, _, _ in stanzas))
    covered = age._MAGIC + b"".join(age._stanza_bytes(t, a, b) for t, a, b in stanzas) + b"---"
    parsed, got_covered, got_mac = _parse(covered + b" " + age._b64encode(mac) + b"\n" + b"payload")
    assert [(s.type, s.args, s.body) for s in parsed] == stanzas
    assert got_covered == covered and got_mac == mac


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_header_is_rejected_or_canonical(data: st.DataObject) -> None:
    """Strictness: any header the parser accepts re-serializes to exactly the bytes it read."""
    ident = Identity.from_bytes(b"\x01" * 32)
    header = bytearray(_valid_header(ident))
    ops = data.draw(
        st.lists(
            st.tuples(st.integers(0, len(header)), st.sampled_from("dir"), st.binary(min_size=1, max_size=3)),
            max_size=3,
        )
    )
    for pos, op, b in ops:
        pos = min(pos, len(header))
        if op == "d":
            del header[pos : pos + len(b)]
        elif op == "i":
            header[pos:pos] = b
        else:
            header[pos : pos + len(b)] = b
    try:
        stanzas, covered, mac = _parse(bytes(header) + b"\0" * 16)
    except AgeError:
        return
    rebuilt = age._MAGIC + b"".join(age._stanza_bytes(s.type, s.args, s.body) for s in stanzas) + b"---"
    assert rebuilt == covered
    assert bytes(header).startswith(covered + b" " + age._b64encode(mac) + b"\n")


@settings(max_examples=200, deadline=None)
@given(raw=st.binary(max_size=100))
def test_base64_is_strict_and_canonical(raw: bytes) -> None:
    text = age._b64encode(raw)
    assert age._b64decode(text, "x") == raw
    if len(raw) % 3:
        with pytest.raises(HeaderError):
            age._b64decode(text + b"=" * (-len(text) % 4), "x")  # padding is not allowed
        alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
        odd = alphabet[alphabet.index(text[-1:]) + 1 :][:1]  # sets a trailing bit that must be zero
        with pytest.raises(HeaderError, match="canonical"):
            age._b64decode(text[:-1] + odd, "x")
    for junk in (b"\n", b" ", b"-", b"_", b"\r"):
        with pytest.raises(HeaderError):
            age._b64decode(text[:1] + junk + text[1:], "x")
