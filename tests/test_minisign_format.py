"""minisign compatibility: our signatures and keys against the real `minisign` program, and every rejection.

Needs the `minisign` program for the cross-checks (Debian: `apt-get install minisign`); those tests skip,
saying so, when it is absent. Ed25519 is deterministic, so where both sides sign the same bytes with the same
key and comments, the .minisig files must be byte-identical.
"""

from __future__ import annotations

import base64
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewdesk.packages import minisign as ms
from reviewdesk.packages.minisign import (
    KeyFileError,
    KeyIdMismatch,
    PublicKey,
    SignatureError,
    SigningKey,
    WrongPassword,
)

# Cheap KDF limits for keys we encrypt in tests (libsodium minimums: N = 2^10); minisign reads them fine.
CHEAP = {"opslimit": 32768, "memlimit": 8 << 20}


def _minisign() -> str:
    path = shutil.which("minisign")
    if path is None:
        pytest.skip(
            "the `minisign` program is not installed (Debian: apt-get install minisign); cross-check skipped"
        )
    return path


def run_ms(*args: str, stdin: str = "", cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_minisign(), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        check=False,
    )


@pytest.fixture(scope="module")
def plain_keypair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A key pair made by `minisign -G -W` (unencrypted secret key)."""
    d = tmp_path_factory.mktemp("ms_plain")
    res = run_ms("-G", "-W", "-p", str(d / "k.pub"), "-s", str(d / "k.key"))
    assert res.returncode == 0, res.stderr
    return d / "k.pub", d / "k.key"


@pytest.fixture(scope="module")
def encrypted_keypair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A key pair made by `minisign -G` with a password typed on stdin (minisign reads it from a pipe)."""
    d = tmp_path_factory.mktemp("ms_enc")
    res = run_ms("-G", "-p", str(d / "k.pub"), "-s", str(d / "k.key"), stdin="s3cret pass\ns3cret pass\n")
    assert res.returncode == 0, res.stderr
    return d / "k.pub", d / "k.key"


@pytest.fixture(scope="module")
def key() -> SigningKey:
    return SigningKey.generate()


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    if isinstance(data, str):
        p.write_bytes(data.encode("utf-8"))
    else:
        p.write_bytes(data)
    return p


def _minisign_verifies(tmp_path: Path, pub_text: str, data: bytes, sig_text: str, *extra: str):
    pub = _write(tmp_path, "v.pub", pub_text)
    msg = _write(tmp_path, "msg.bin", data)
    sig = _write(tmp_path, "msg.bin.minisig", sig_text)
    return run_ms("-V", *extra, "-p", str(pub), "-m", str(msg), "-x", str(sig))


# ----------------------------------------------------------------------------------------- formats


def test_key_id_display_byte_order() -> None:
    key_id = bytes.fromhex("aa92be8b136e55e3")  # as stored in the key files
    assert ms.format_key_id(key_id) == "E3556E138BBE92AA"  # minisign prints le64_load(keynum)
    assert ms.parse_key_id("E3556E138BBE92AA") == key_id
    leading_zero = bytes.fromhex("b354b5573100723b")[:7] + b"\x00"
    assert ms.format_key_id(leading_zero) == "00" + ms.format_key_id(leading_zero, pad=False)
    assert ms.parse_key_id(ms.format_key_id(leading_zero, pad=False)) == leading_zero  # minisign 0.11 style
    assert ms.parse_key_id("e3556e138bbe92aa") == key_id
    for bad in ["", "G" * 16, "1" * 17, "0x12"]:
        with pytest.raises(ValueError):
            ms.parse_key_id(bad)


def test_public_key_text_layout(key: SigningKey) -> None:
    text = key.public_key_text()
    comment, line = text.splitlines()
    assert comment == f"untrusted comment: minisign public key {key.key_id_hex()}"
    blob = base64.b64decode(line)
    assert blob == b"Ed" + key.key_id + key.public_key().raw and len(line) == 56
    assert PublicKey.from_text(text) == key.public_key() == PublicKey.from_base64(line)
    assert text.endswith("\n") and key.public_key_text("my office").startswith(
        "untrusted comment: my office\n"
    )


def test_signature_layout(key: SigningKey) -> None:
    text = key.sign(b"data", trusted_comment="t c", untrusted_comment="u c")
    lines = text.split("\n")
    assert lines[0] == "untrusted comment: u c" and lines[2] == "trusted comment: t c" and lines[4] == ""
    blob = base64.b64decode(lines[1])
    assert blob[:2] == b"ED" and blob[2:10] == key.key_id and len(blob) == 74
    legacy = key.sign(b"data", trusted_comment="t c", prehashed=False)
    assert base64.b64decode(legacy.split("\n")[1])[:2] == b"Ed"
    assert legacy.startswith("untrusted comment: signature from minisign secret key\n")
    for bad in ["two\nlines", "cr\r", "nul\0"]:
        with pytest.raises(ValueError, match="single line"):
            key.sign(b"x", trusted_comment=bad)
    with pytest.raises(ValueError, match="too long"):
        key.sign(b"x", trusted_comment="x" * 9000)


def test_scrypt_parameters_match_libsodium() -> None:
    assert ms._scrypt_params(ms.OPSLIMIT_SENSITIVE, ms.MEMLIMIT_SENSITIVE) == (20, 8, 1)
    assert ms._scrypt_params(32768, 8 << 20) == (10, 8, 1)
    assert ms._scrypt_params(524288, 16777216) == (14, 8, 1)  # the *_INTERACTIVE limits


# ------------------------------------------------------------------------------ against the real program


@pytest.mark.parametrize("prehashed", [True, False])
def test_our_signatures_verified_by_minisign(tmp_path: Path, key: SigningKey, prehashed: bool) -> None:
    data = b'{"format": "reviewdesk-package"}\n' * 1000
    comment = "timestamp:1795334298\tfile:manifest.json\t某省委政法委"
    sig = key.sign(
        data, trusted_comment=comment, untrusted_comment="signature from ReviewDesk", prehashed=prehashed
    )
    res = _minisign_verifies(tmp_path, key.public_key_text(), data, sig)
    assert res.returncode == 0, res.stderr
    assert f"Trusted comment: {comment}" in res.stdout
    res = run_ms(
        "-V",
        "-P",
        key.public_key().to_base64(),
        "-m",
        str(tmp_path / "msg.bin"),
        "-x",
        str(tmp_path / "msg.bin.minisig"),
    )
    assert res.returncode == 0, res.stderr
    # -H demands prehashed signatures: minisign refuses our legacy ones, as we do with allow_legacy=False.
    res = _minisign_verifies(tmp_path, key.public_key_text(), data, sig, "-H")
    assert (res.returncode == 0) == prehashed
    if not prehashed:
        with pytest.raises(SignatureError) as e:
            ms.verify(key.public_key(), data, sig, allow_legacy=False)
        assert e.value.reason == "legacy"


@pytest.mark.parametrize("legacy", [False, True])
def test_minisign_signatures_verified_by_ours_and_identical(
    tmp_path: Path, plain_keypair: tuple[Path, Path], legacy: bool
) -> None:
    pub_path, key_path = plain_keypair
    data = bytes(range(256)) * 300
    msg = _write(tmp_path, "m.bin", data)
    flags = ["-l"] if legacy else []
    res = run_ms(
        "-S", *flags, "-s", str(key_path), "-m", str(msg), "-t", "trusted 评查 ✓", "-c", "untrusted note"
    )
    assert res.returncode == 0, res.stderr
    sig_text = (tmp_path / "m.bin.minisig").read_text()
    public = PublicKey.from_text(pub_path.read_text())
    assert ms.verify(public, data, sig_text) == "trusted 评查 ✓"
    assert ms.parse_signature(sig_text).prehashed is not legacy
    # Same key, data and comments: Ed25519 is deterministic, so our file must be byte-identical.
    ours = ms.load_secret_key(key_path.read_text(), None)
    assert (
        ours.sign(
            data, trusted_comment="trusted 评查 ✓", untrusted_comment="untrusted note", prehashed=not legacy
        )
        == sig_text
    )
    # minisign's default trusted comment (timestamp, file name, "hashed").
    res = run_ms("-S", *flags, "-s", str(key_path), "-m", str(msg))
    assert res.returncode == 0, res.stderr
    trusted = ms.verify(public, data, (tmp_path / "m.bin.minisig").read_text())
    assert trusted.startswith("timestamp:") and ("\thashed" in trusted) is not legacy


def test_unencrypted_secret_key_from_minisign(plain_keypair: tuple[Path, Path]) -> None:
    pub_path, key_path = plain_keypair
    loaded = ms.load_secret_key(key_path.read_text(), None)
    pub_text = pub_path.read_text()
    assert loaded.public_key() == PublicKey.from_text(pub_text)
    printed = pub_text.split("\n")[0].rsplit(" ", 1)[1]
    assert int(printed, 16) == int.from_bytes(loaded.key_id, "little")  # minisign's display order
    assert ms.parse_key_id(printed) == loaded.key_id
    if len(printed) == 16:
        assert loaded.public_key_text() == pub_text
    # minisign -W leaves salt, limits and checksum zero; we write the same bytes.
    assert loaded.secret_key_text(None) == key_path.read_text()
    again = ms.load_secret_key(key_path.read_text(), b"a password is ignored for plain keys")
    assert again.public_key() == loaded.public_key()


def test_encrypted_secret_key_from_minisign(tmp_path: Path, encrypted_keypair: tuple[Path, Path]) -> None:
    pub_path, key_path = encrypted_keypair
    text = key_path.read_text()
    with pytest.raises(WrongPassword, match="password is needed"):
        ms.load_secret_key(text, None)
    loaded = ms.load_secret_key(text, b"s3cret pass")  # scrypt N=2^20: a few seconds, as in minisign
    public = PublicKey.from_text(pub_path.read_text())
    assert loaded.public_key() == public
    sig = loaded.sign(b"manifest", trusted_comment="issued")
    res = _minisign_verifies(tmp_path, pub_path.read_text(), b"manifest", sig)
    assert res.returncode == 0, res.stderr


def test_our_encrypted_secret_key_used_by_minisign(tmp_path: Path, key: SigningKey) -> None:
    sk = _write(tmp_path, "ours.key", key.secret_key_text("pässword", **CHEAP))
    msg = _write(tmp_path, "m.txt", b"hello")
    res = run_ms("-S", "-s", str(sk), "-m", str(msg), "-t", "from ours", stdin="pässword\n")
    assert res.returncode == 0, res.stderr + res.stdout
    assert ms.verify(key.public_key(), b"hello", (tmp_path / "m.txt.minisig").read_text()) == "from ours"
    res = run_ms("-R", "-s", str(sk), "-p", str(tmp_path / "re.pub"), stdin="pässword\n")
    assert res.returncode == 0, res.stderr
    assert PublicKey.from_text((tmp_path / "re.pub").read_text()) == key.public_key()
    # A wrong password: minisign's checksum test fails, and so does ours.
    res = run_ms("-S", "-s", str(sk), "-m", str(msg), stdin="wrong\n")
    assert res.returncode != 0 and "Wrong password" in res.stderr + res.stdout
    with pytest.raises(WrongPassword, match="wrong password"):
        ms.load_secret_key(sk.read_text(), b"wrong")
    assert ms.load_secret_key(sk.read_text(), "pässword".encode()) is not None


def test_our_unencrypted_secret_key_used_by_minisign(tmp_path: Path, key: SigningKey) -> None:
    sk = _write(tmp_path, "plain.key", key.secret_key_text(None))
    msg = _write(tmp_path, "m.txt", b"hi")
    res = run_ms("-S", "-W", "-s", str(sk), "-m", str(msg), "-t", "plain")
    assert res.returncode == 0, res.stderr
    assert ms.verify(key.public_key(), b"hi", (tmp_path / "m.txt.minisig").read_text()) == "plain"


def test_key_id_mismatch_reported_like_minisign(tmp_path: Path) -> None:
    signer = SigningKey(b"\x07" * 32, bytes.fromhex("0102030405060700"))  # high byte 0: display "0007…"
    trusted = SigningKey.generate()
    sig = signer.sign(b"data", trusted_comment="x")
    with pytest.raises(KeyIdMismatch) as e:
        ms.verify(trusted.public_key(), b"data", sig)
    assert e.value.reason == "key_id" and e.value.signer_key_id == signer.key_id
    assert str(e.value) == f"signed by key 0007060504030201, not by trusted key {trusted.key_id_hex()}"
    res = _minisign_verifies(tmp_path, trusted.public_key_text(), b"data", sig)
    assert res.returncode != 0
    printed = res.stderr.split("Signature key id in ")[1].split(" is ")[1].split("\n")[0]
    assert int(printed, 16) == int.from_bytes(signer.key_id, "little")  # 0.11: "7060504030201"; 0.12: padded


# ---------------------------------------------------------------------------------------- rejections


def _replace_line(sig: str, index: int, new: str) -> str:
    lines = sig.split("\n")
    lines[index] = new
    return "\n".join(lines)


def _flip_b64(line: str, byte_index: int) -> str:
    raw = bytearray(base64.b64decode(line))
    raw[byte_index] ^= 0x01
    return base64.b64encode(bytes(raw)).decode()


@pytest.mark.parametrize("prehashed", [True, False])
def test_tampering_rejected_with_the_right_reason(tmp_path: Path, key: SigningKey, prehashed: bool) -> None:
    data = b"manifest bytes " * 100
    sig = key.sign(data, trusted_comment="timestamp:1 file:manifest.json", prehashed=prehashed)
    lines = sig.split("\n")
    other = SigningKey.generate()
    wrong_alg = base64.b64encode(b"EX" + base64.b64decode(lines[1])[2:]).decode()
    swapped_alg = base64.b64encode((b"Ed" if prehashed else b"ED") + base64.b64decode(lines[1])[2:]).decode()
    cases = {
        "data": (data + b"!", sig, "signature"),
        "data truncated": (data[:-1], sig, "signature"),
        "signature bytes": (data, _replace_line(sig, 1, _flip_b64(lines[1], 40)), "signature"),
        "algorithm": (data, _replace_line(sig, 1, wrong_alg), "algorithm"),
        "prehash flag swapped": (data, _replace_line(sig, 1, swapped_alg), "signature"),
        "key id": (data, _replace_line(sig, 1, _flip_b64(lines[1], 3)), "key_id"),
        "trusted comment": (
            data,
            _replace_line(sig, 2, "trusted comment: timestamp:2 file:manifest.json"),
            "global_signature",
        ),
        "global signature": (data, _replace_line(sig, 3, _flip_b64(lines[3], 10)), "global_signature"),
        "other key's global signature": (
            data,
            _replace_line(sig, 3, other.sign(data, trusted_comment="x").split("\n")[3]),
            "global_signature",
        ),
        "no trusted comment prefix": (
            data,
            _replace_line(sig, 2, "timestamp:1 file:manifest.json"),
            "malformed",
        ),
        "no untrusted comment prefix": (data, _replace_line(sig, 0, "comment: x"), "malformed"),
        "bad base64": (data, _replace_line(sig, 1, lines[1][:-4] + "!!!!"), "malformed"),
        "short signature": (
            data,
            _replace_line(sig, 1, base64.b64encode(b"ED" + bytes(60)).decode()),
            "malformed",
        ),
        "missing global signature": (data, "\n".join(lines[:3]) + "\n", "malformed"),
        "empty": (data, "", "malformed"),
        "not a signature": (data, "%PDF-1.7\n", "malformed"),
    }
    for name, (msg, text, reason) in cases.items():
        with pytest.raises(SignatureError) as e:
            ms.verify(key.public_key(), msg, text)
        assert e.value.reason == reason, f"{name}: {e.value.reason} ({e.value})"
        if shutil.which("minisign") and text:
            res = _minisign_verifies(tmp_path, key.public_key_text(), msg, text)
            assert res.returncode != 0, f"minisign accepts {name}"
    assert ms.verify(key.public_key(), data, sig) == "timestamp:1 file:manifest.json"
    # The untrusted comment is not covered by any signature: changing it is allowed (as in minisign).
    assert ms.verify(key.public_key(), data, _replace_line(sig, 0, "untrusted comment: anything"))


def test_stricter_than_minisign_on_trailing_content(key: SigningKey) -> None:
    sig = key.sign(b"d", trusted_comment="c")
    with pytest.raises(SignatureError, match="after the global signature"):
        ms.verify(key.public_key(), b"d", sig + "extra line\n")
    # Windows line endings and a missing final newline are fine (minisign strips "\r" and accepts both).
    assert ms.verify(key.public_key(), b"d", sig.replace("\n", "\r\n")) == "c"
    assert ms.verify(key.public_key(), b"d", sig.rstrip("\n")) == "c"
    assert ms.verify(key.public_key(), b"d", sig.encode()) == "c"


def test_crlf_signature_accepted_by_minisign_too(tmp_path: Path, key: SigningKey) -> None:
    _minisign()
    sig = key.sign(b"d", trusted_comment="c").replace("\n", "\r\n")
    res = _minisign_verifies(tmp_path, key.public_key_text(), b"d", sig)
    assert res.returncode == 0, res.stderr


def test_verify_trusted_and_signature_key_id(key: SigningKey) -> None:
    others = [SigningKey.generate() for _ in range(3)]
    trusted = [o.public_key() for o in others] + [key.public_key()]
    sig = key.sign(b"m", trusted_comment="tc")
    assert ms.signature_key_id(sig) == key.key_id_hex()
    assert ms.verify_trusted(trusted, b"m", sig) == (key.public_key(), "tc")
    with pytest.raises(KeyIdMismatch, match=f"signed by key {key.key_id_hex()}, not by any trusted key") as e:
        ms.verify_trusted(trusted[:3], b"m", sig)
    assert e.value.signer_key_id == key.key_id
    with pytest.raises(SignatureError, match="signature verification failed"):
        ms.verify_trusted(trusted, b"M", sig)
    with pytest.raises(SignatureError, match="malformed"):
        ms.signature_key_id("nonsense")


def test_public_key_parse_errors() -> None:
    good = SigningKey.generate().public_key_text()
    line = good.split("\n")[1]
    for bad in [
        "",
        line,  # no comment line
        good + "extra\n",
        "untrusted comment: x\n" + line[:-2] + "\n",
        "untrusted comment: x\n"
        + base64.b64encode(b"ED" + bytes(40)).decode()
        + "\n",  # ED is not a key type
        "comment: x\n" + line + "\n",
    ]:
        with pytest.raises(KeyFileError):
            PublicKey.from_text(bad)
    assert isinstance(KeyFileError("x"), SignatureError)  # importers catch one exception type
    assert PublicKey.from_text(good.replace("\n", "\r\n")).to_base64() == line


def test_secret_key_parse_errors(key: SigningKey) -> None:
    plain = key.secret_key_text(None)
    comment, line = plain.split("\n")[:2]
    blob = bytearray(base64.b64decode(line))

    def with_blob(b: bytes) -> str:
        return f"{comment}\n{base64.b64encode(bytes(b)).decode()}\n"

    assert ms.load_secret_key(plain, None).public_key() == key.public_key()
    for mutate, pattern in [
        (lambda b: b.__setitem__(slice(0, 2), b"ED"), "signature algorithm"),
        (lambda b: b.__setitem__(slice(2, 4), b"Ar"), "key derivation"),
        (lambda b: b.__setitem__(slice(4, 6), b"SH"), "checksum algorithm"),
        (lambda b: b.__setitem__(100, b[100] ^ 1), "damaged"),  # public half no longer matches the seed
        (lambda b: b.__delitem__(slice(150, 158)), "expected 158 bytes"),
    ]:
        b = bytearray(blob)
        mutate(b)
        with pytest.raises(KeyFileError, match=pattern):
            ms.load_secret_key(with_blob(b), None)
    with pytest.raises(KeyFileError):
        ms.load_secret_key(line, None)
    # Refuse KDF limits that would take gigabytes or minutes before even trying.
    enc = bytearray(base64.b64decode(key.secret_key_text(b"pw", **CHEAP).split("\n")[1]))
    for ops, mem in [(1 << 40, 1 << 40), (1 << 33, 1 << 20), (1 << 34, 1 << 34)]:
        enc[38:46] = ops.to_bytes(8, "little")
        enc[46:54] = mem.to_bytes(8, "little")
        with pytest.raises(KeyFileError, match="too expensive"):
            ms.load_secret_key(with_blob(enc), b"pw")
    with pytest.raises(ValueError, match="NUL"):
        key.secret_key_text(b"a\0b", **CHEAP)


# ---------------------------------------------------------------------------------------- properties

_comment = st.text(st.characters(exclude_characters="\r\n\0", exclude_categories=("Cs",)), max_size=200)


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=2000), trusted=_comment, untrusted=_comment, prehashed=st.booleans())
def test_sign_verify_round_trip(data: bytes, trusted: str, untrusted: str, prehashed: bool) -> None:
    key = SigningKey(b"\x11" * 32, b"\x22" * 8)
    sig = key.sign(data, trusted_comment=trusted, untrusted_comment=untrusted, prehashed=prehashed)
    parsed = ms.parse_signature(sig)
    assert (parsed.trusted_comment, parsed.untrusted_comment, parsed.prehashed) == (
        trusted,
        untrusted,
        prehashed,
    )
    assert ms.verify(key.public_key(), data, sig) == trusted


@settings(max_examples=300, deadline=None)
@given(pos=st.integers(0, 400), new=st.characters(min_codepoint=0x20, max_codepoint=0x7E) | st.just("\n"))
def test_any_accepted_mutation_keeps_the_signed_content(pos: int, new: str) -> None:
    key = SigningKey(b"\x11" * 32, b"\x22" * 8)
    sig = key.sign(b"payload", trusted_comment="trusted text", untrusted_comment="note")
    pos %= len(sig)
    mutated = sig[:pos] + new + sig[pos + 1 :]
    try:
        trusted = ms.verify(key.public_key(), b"payload", mutated)
    except SignatureError:
        return
    a, b = ms.parse_signature(sig), ms.parse_signature(mutated)
    assert trusted == "trusted text"
    assert (a.algorithm, a.key_id, a.signature, a.global_signature) == (
        b.algorithm,
        b.key_id,
        b.signature,
        b.global_signature,
    )
