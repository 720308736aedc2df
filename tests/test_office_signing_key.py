"""`reviewdesk keys generate` makes an office's signing key in minisign's own format: the Debian minisign program
signs with it and verifies with its public key, `package build` signs with it, a workstation trusts it with
`keys trust-issuer`; nothing is overwritten and a bad path is one line, not a traceback."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from reviewdesk.packages import minisign
from reviewdesk.services import keys
from tests.helpers import run_cli

ENV = {"OFFICE_PW": "office-key-pass-2026"}


def _generate(tmp_path: Path, *extra: str):
    return run_cli("keys", "generate", "--secret-out", str(tmp_path / "office.key"), "--public-out",
                   str(tmp_path / "office.pub"), "--office", "某省委政法委执法监督处", *extra, env=ENV)


def test_generated_key_is_minisign_and_signs_packages(tmp_path: Path) -> None:
    out = _generate(tmp_path, "--password-env", "OFFICE_PW", "--json")
    assert out.returncode == 0, out.stderr
    info = json.loads(out.stdout)
    assert info["encrypted"] is True and len(info["key_id"]) == 16
    public = minisign.PublicKey.from_text((tmp_path / "office.pub").read_text(encoding="utf-8"))
    assert public.key_id_hex() == info["key_id"]
    assert (tmp_path / "office.key").stat().st_mode & 0o077 == 0
    # Our reader opens it with the password, and the signature verifies with the public key.
    key = minisign.load_secret_key((tmp_path / "office.key").read_text(), ENV["OFFICE_PW"])
    assert key.key_id_hex() == info["key_id"]
    assert minisign.verify(public, b"manifest", key.sign(b"manifest", trusted_comment="test"))
    # The same files as minisign -G: the Debian program signs with the secret key and verifies.
    if shutil.which("minisign"):
        data = tmp_path / "manifest.json"
        data.write_text("{}", encoding="utf-8")
        subprocess.run(["minisign", "-S", "-s", str(tmp_path / "office.key"), "-m", str(data)],
                       input=ENV["OFFICE_PW"] + "\n", text=True, check=True, capture_output=True)
        subprocess.run(["minisign", "-V", "-p", str(tmp_path / "office.pub"), "-m", str(data)], check=True,
                       capture_output=True)


def test_nothing_is_overwritten_and_bad_paths_are_one_line(tmp_path: Path) -> None:
    assert _generate(tmp_path, "--without-password").returncode == 0
    before = (tmp_path / "office.key").read_bytes()
    again = _generate(tmp_path, "--without-password")
    assert again.returncode == 6 and "Traceback" not in again.stderr and len(again.stderr.strip().splitlines()) == 1
    assert (tmp_path / "office.key").read_bytes() == before
    bad = run_cli("keys", "generate", "--secret-out", "/", "--public-out", str(tmp_path / "x.pub"), "--without-password")
    assert bad.returncode == 6 and "Traceback" not in bad.stderr
    assert not (tmp_path / "x.pub").exists()


def test_service_refuses_same_file_and_empty_password(tmp_path: Path) -> None:
    from reviewdesk.errors import ValidationError

    with pytest.raises(ValidationError):
        keys.generate_office_key(tmp_path / "a", tmp_path / "a", None)
    with pytest.raises(ValidationError):
        keys.generate_office_key(tmp_path / "a", tmp_path / "b", "")
    assert not list(tmp_path.iterdir())
