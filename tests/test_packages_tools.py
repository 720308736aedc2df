"""Interoperability with the tools other offices use: Debian's `age`, `minisign` and GNU `tar`.

Packages made with those programs import; packages made by our builder open with them. (Test data is
synthetic, so the plaintext tar the tools need on disk here is harmless.)
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from reviewdesk.packages import age, builder, minisign
from reviewdesk.services import cases, imports, keys
from reviewdesk.workspace import OpenWorkspace
from tests.conftest import ADMIN, ADMIN_PW
from tests.helpers import run_cli
from tests.packaging import fill_template, sample_contents

TOOLS = ("age", "minisign", "tar")
pytestmark = pytest.mark.skipif(
    any(shutil.which(t) is None for t in TOOLS), reason="needs Debian's age, minisign and tar (installed by .ci/setup)"
)


def _run(*cmd: str, cwd: Path | None = None, input_bytes: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, input=input_bytes, timeout=60)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    return result


@pytest.fixture
def office_keys(tmp_path: Path) -> tuple[Path, Path]:
    pub, sec = tmp_path / "office.pub", tmp_path / "office.key"
    _run("minisign", "-G", "-W", "-p", str(pub), "-s", str(sec))
    return pub, sec


def _tool_package(folder: Path, contents, pub: Path, sec: Path, recipient: str, *, tamper: bool = False) -> Path:
    key_line = pub.read_text().splitlines()[1]
    contents.manifest["issuer"]["key_id"] = minisign.PublicKey.from_base64(key_line).key_id_hex()
    (folder / "manifest.json").write_bytes(contents.manifest_bytes())
    for path, data in contents.files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(data)
    _run("minisign", "-S", "-s", str(sec), "-m", "manifest.json", cwd=folder)
    if tamper:
        (folder / "manifest.json").write_bytes(contents.manifest_bytes().replace("张某".encode(), "李某".encode()))
    _run("tar", "--format=pax", "-cf", "package.tar", "manifest.json", "manifest.json.minisig", *contents.files, cwd=folder)
    out = folder / "tools.rdpkg"
    _run("age", "-r", recipient, "-o", str(out), str(folder / "package.tar"))
    return out


def test_package_made_with_age_minisign_and_tar_imports(admin_ws: OpenWorkspace, office_keys: tuple[Path, Path], tmp_path: Path) -> None:
    pub, sec = office_keys
    keys.trust_issuer(admin_ws, pub.read_text(), "某省委政法委执法监督处")
    work = tmp_path / "office"
    work.mkdir()
    path = _tool_package(work, sample_contents(2), pub, sec, keys.recipient(admin_ws))
    result = imports.import_package(admin_ws, path)
    assert (result.cases, result.documents) == (2, 6)
    assert result.signed_by == minisign.PublicKey.from_text(pub.read_text()).key_id_hex()


def test_tool_package_with_edited_manifest_is_refused(admin_ws: OpenWorkspace, office_keys: tuple[Path, Path], tmp_path: Path) -> None:
    pub, sec = office_keys
    keys.trust_issuer(admin_ws, pub.read_text(), "某省委政法委执法监督处")
    work = tmp_path / "office"
    work.mkdir()
    path = _tool_package(work, sample_contents(1), pub, sec, keys.recipient(admin_ws), tamper=True)
    with pytest.raises(imports.PackageRejected, match="signature"):
        imports.import_package(admin_ws, path)
    assert cases.list_cases(admin_ws) == []


def test_builder_output_opens_with_age_and_verifies_with_minisign(office_keys: tuple[Path, Path], tmp_path: Path) -> None:
    pub, sec = office_keys
    identity = age.Identity.generate()
    (tmp_path / "id.txt").write_text(str(identity) + "\n")
    contents = sample_contents(1)
    src = tmp_path / "src"
    for path, data in contents.files.items():
        (src / path).parent.mkdir(parents=True, exist_ok=True)
        (src / path).write_bytes(data)
    files = [(src / f["path"], f) for f in contents.manifest["files"]]
    signer = minisign.load_secret_key(sec.read_text(), None)
    out = builder.build(contents.manifest, files, tmp_path / "built.rdpkg", signer=signer, recipients=[identity.recipient()])
    assert out == [tmp_path / "built.rdpkg"]
    _run("age", "-d", "-i", str(tmp_path / "id.txt"), "-o", str(tmp_path / "built.tar"), str(out[0]))
    unpacked = tmp_path / "unpacked"
    unpacked.mkdir()
    listing = _run("tar", "-tf", str(tmp_path / "built.tar")).stdout.decode().split()
    assert listing[:2] == ["manifest.json", "manifest.json.minisig"]
    _run("tar", "-xf", str(tmp_path / "built.tar"), cwd=unpacked)
    _run("minisign", "-V", "-p", str(pub), "-m", "manifest.json", cwd=unpacked)
    assert json.loads((unpacked / "manifest.json").read_text())["issuer"]["key_id"] == signer.key_id_hex()


def test_builder_splits_into_parts_like_split(admin_ws: OpenWorkspace, tmp_path: Path) -> None:
    signer = minisign.SigningKey(b"\1" * 32, b"\2" * 8)
    keys.trust_issuer(admin_ws, signer.public_key_text("test"), "某省委政法委执法监督处")
    recipient = age.Recipient.from_str(keys.recipient(admin_ws))
    contents = sample_contents(2)
    src = tmp_path / "src"
    for path, data in contents.files.items():
        (src / path).parent.mkdir(parents=True, exist_ok=True)
        (src / path).write_bytes(data)
    files = [(src / f["path"], f) for f in contents.manifest["files"]]
    parts = builder.build(contents.manifest, files, tmp_path / "split.rdpkg", signer=signer, recipients=[recipient], part_size=40_000)
    assert len(parts) > 2 and [p.name for p in parts][:2] == ["split.rdpkg.001", "split.rdpkg.002"]
    assert all(p.stat().st_size == 40_000 for p in parts[:-1])
    # Given any part, the importer reads them all, in order.
    assert imports.import_package(admin_ws, parts[1]).cases == 2


def test_cli_template_build_and_import(admin_ws: OpenWorkspace, office_keys: tuple[Path, Path], tmp_path: Path) -> None:
    pub, sec = office_keys
    folder = str(admin_ws.workspace.folder)
    admin_ws.close()
    env = {"PW": ADMIN_PW}
    auth = ["--user", ADMIN, "--password-env", "PW"]
    recipient = run_cli("--workspace", folder, "keys", "recipient", *auth, env=env).stdout.strip()
    assert recipient.startswith("age1")
    trust = run_cli("--workspace", folder, "keys", "trust-issuer", str(pub), "--name", "某省委政法委执法监督处", *auth, env=env)
    assert trust.returncode == 0, trust.stderr
    office = tmp_path / "office"
    office.mkdir()
    assert run_cli("package", "template", str(office / "cases.xlsx")).returncode == 0
    fill_template(office / "cases.xlsx", office)
    built = run_cli("package", "build", "--kind", "cases", "--from", str(office), "--sign-key", str(sec), "--recipient", recipient, "--out", str(tmp_path / "cli.rdpkg"), "--json")
    assert built.returncode == 0, built.stderr
    imported = run_cli("--workspace", folder, "import", str(tmp_path / "cli.rdpkg"), "--json", *auth, env=env)
    assert imported.returncode == 0, imported.stderr
    assert json.loads(imported.stdout)["documents"] == 1
    listed = json.loads(run_cli("--workspace", folder, "cases", "list", "--json", *auth, env=env).stdout)
    assert [c["external_id"] for c in listed] == ["XF-001"]
    hits = json.loads(run_cli("--workspace", folder, "search", "拖欠工程款", "--json", *auth, env=env).stdout)
    assert hits and hits[0]["kind"] == "document"
    again = run_cli("--workspace", folder, "import", str(tmp_path / "cli.rdpkg"), *auth, env=env)
    assert again.returncode == 0 and "already imported" in again.stdout
    bad = run_cli("--workspace", folder, "import", str(tmp_path / "missing.rdpkg"), *auth, env=env)
    assert bad.returncode == 10 and len(bad.stderr.strip().splitlines()) == 1
