"""After importing, viewing and searching documents, no file the app wrote holds their text in the clear."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from reviewdesk.casefiles.text import extract
from reviewdesk.packages import age
from reviewdesk.services import cases, imports, keys
from reviewdesk.workspace import OpenWorkspace
from tests.packaging import MARKER, assemble, new_office_key, sample_contents


def _scan(folder: Path) -> list[str]:
    needles = [MARKER.encode("utf-8"), MARKER.encode("utf-16-le"), "标记文本".encode()]
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path}: {n!r}" for n in needles if n in data]
    return found


def test_no_marker_on_disk_after_import_view_and_search(
    admin_ws: OpenWorkspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "tmpdir"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR
    office = new_office_key()
    keys.trust_issuer(admin_ws, office.public_key_text("office"), "某省委政法委执法监督处")
    recipient = age.Recipient.from_str(keys.recipient(admin_ws))
    package_dir = tmp_path / "usb"
    package_dir.mkdir()
    package = assemble(sample_contents(2, with_marker=True), package_dir / "p.rdpkg", signer=office, recipients=[recipient])
    assert _scan(package_dir) == []  # the package itself is ciphertext
    imports.import_package(admin_ws, package)
    hits = cases.search(admin_ws, MARKER)
    assert {h.kind for h in hits} == {"document"} and len(hits) >= 4  # the text really went into the index
    for row in cases.list_cases(admin_ws):
        for doc in cases.case_detail(admin_ws, row.id).documents:
            _info, data = cases.document_bytes(admin_ws, doc.id)
            extract(doc.media_type, data)
    assert _scan(admin_ws.workspace.folder) == []
    assert _scan(scratch) == []
    admin_ws.close()
    assert _scan(admin_ws.workspace.folder) == []
