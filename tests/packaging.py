"""Test support: make package contents and assemble packages, including deliberately broken ones.

`assemble()` writes the tar by hand-picked members (so tests can put in what the builder never would:
links, extra or duplicate members, wrong order) and encrypts it with age, signing the manifest with an
office key. Well-formed packages in tests also come from the project's builder and from the Debian
`age`/`minisign`/`tar` programs (test_packages_tools.py).
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
import os
import tarfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reviewdesk.identity_number import check_digit
from reviewdesk.packages import age, minisign

MARKER = "标记文本-MARKER-4b1d"


def valid_id(region: str = "620102", born: str = "19700101", seq: str = "123") -> str:
    first17 = f"{region}{born}{seq}"
    return first17 + check_digit(first17)


def docx_bytes(paragraphs: list[str]) -> bytes:
    from docx import Document

    doc = Document()
    for p in paragraphs:
        doc.add_paragraph(p)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def pdf_bytes(lines: list[str]) -> bytes:
    from reviewdesk.demo_cases import _pdf

    return _pdf("起诉书", lines)


def sample_case(cid: str = "GS-2026-0001", **over: Any) -> dict[str, Any]:
    case = {
        "id": cid,
        "case_number": "（2021）甘0102民初1234号",
        "title": "张某诉某公司买卖合同纠纷",
        "case_type": "civil",
        "cause": "买卖合同纠纷",
        "stage": "enforcement",
        "handling_unit": {"code": "GS-CGQ-FY", "name": "兰州市城关区人民法院", "kind": "court", "region_code": "620102"},
        "accepted_on": "2021-03-02",
        "closed_on": "2021-09-15",
        "handlers": [{"name": "李某", "id_number": valid_id(seq="456"), "unit_code": "GS-CGQ-FY", "role": "承办法官"}],
        "parties": [{"name": "张某", "kind": "person", "id_number": None, "role": "原告", "counsel": [{"name": "王某", "firm": "某律师事务所"}]}],
        "petition": {"count": 6, "first_on": "2022-01-10", "last_on": "2026-05-03", "flags": ["unenforced", "repeated"]},
        "summary": "原告张某与被告某公司买卖合同纠纷，判决生效后长期未执行到位。",
    }
    case.update(over)
    return case


@dataclass
class Contents:
    """A manifest and the bytes of its files, editable before assembly."""

    manifest: dict[str, Any]
    files: dict[str, bytes] = field(default_factory=dict)

    def copy(self) -> Contents:
        return Contents(copy.deepcopy(self.manifest), dict(self.files))

    def add_file(self, path: str, data: bytes, case_id: str, media_type: str = "application/pdf", title: str = "") -> None:
        self.files[path] = data
        self.manifest["files"].append(
            {"path": path, "size": len(data), "sha256": hashlib.sha256(data).hexdigest(), "media_type": media_type, "case_id": case_id, "title": title or Path(path).stem}
        )

    def manifest_bytes(self) -> bytes:
        return json.dumps(self.manifest, ensure_ascii=False, indent=2).encode("utf-8")


def sample_contents(n_cases: int = 2, *, with_marker: bool = False) -> Contents:
    manifest = {
        "format": "reviewdesk-package",
        "version": 1,
        "kind": "cases",
        "package_id": str(uuid.uuid4()),
        "created_at": "2026-11-20T10:00:00+08:00",
        "issuer": {"name": "某省委政法委执法监督处", "key_id": "0000000000000000"},
        "campaign": {"id": "2026-XF-01", "name": "2026年涉法涉诉信访案件集中评查"},
        "cases": [sample_case(f"GS-2026-{i + 1:04d}") for i in range(n_cases)],
        "experts": [],
        "files": [],
    }
    contents = Contents(manifest)
    extra = MARKER if with_marker else "执行款项"
    for i in range(n_cases):
        cid = f"GS-2026-{i + 1:04d}"
        contents.add_file(f"cases/{cid}/01-起诉书.pdf", pdf_bytes([f"原告张某诉称被告拖欠货款。{extra}", "请求判令被告支付货款十万元。"]), cid, title="起诉书")
        contents.add_file(
            f"cases/{cid}/02-询问笔录.docx",
            docx_bytes(["问：你反映什么问题？", f"答：判决生效后一直没有执行。{extra}"]),
            cid,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "询问笔录",
        )
        contents.add_file(f"cases/{cid}/03-说明.txt", f"案件说明：{extra}，共六次信访。".encode(), cid, "text/plain", "说明")
    return contents


def new_office_key() -> minisign.SigningKey:
    return minisign.SigningKey(os.urandom(32), os.urandom(8))


def _member(name: str, data: bytes = b"", kind: bytes = tarfile.REGTYPE, linkname: str = "") -> tuple[tarfile.TarInfo, bytes]:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.size = len(data) if kind == tarfile.REGTYPE else 0
    info.linkname = linkname
    info.mtime = 0
    return info, data


def assemble(
    contents: Contents,
    out: Path,
    *,
    signer: minisign.SigningKey | None,
    recipients: list[age.Recipient] | None = None,
    passphrase: str | None = None,
    sign_bytes: bytes | None = None,
    manifest_override: bytes | None = None,
    members: list[tuple[tarfile.TarInfo, bytes]] | None = None,
    tar_format: int = tarfile.PAX_FORMAT,
    set_key_id: bool = True,
    manifest_last: bool = False,
) -> Path:
    """Write a package. `sign_bytes` signs other bytes than the manifest; `manifest_override` puts other
    bytes in the archive than were signed; `members` replaces the file members entirely."""
    if signer is not None and set_key_id:
        contents.manifest["issuer"]["key_id"] = signer.key_id_hex()
    manifest = contents.manifest_bytes()
    tar_members = [_member("manifest.json", manifest_override if manifest_override is not None else manifest)]
    if signer is not None:
        sig = signer.sign(sign_bytes if sign_bytes is not None else manifest, trusted_comment="test", untrusted_comment="test")
        tar_members.append(_member("manifest.json.minisig", sig.encode()))
    if members is None:
        members = [_member(path, data) for path, data in contents.files.items()]
    tar_members += members
    if manifest_last:
        tar_members = tar_members[1:] + tar_members[:1]
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tar_format) as tar:
        for info, data in tar_members:
            tar.addfile(info, io.BytesIO(data) if info.type == tarfile.REGTYPE else None)
    with open(out, "wb") as fh:
        age.encrypt_stream(io.BytesIO(buf.getvalue()), fh, recipients=recipients or [], passphrase=passphrase)
    return out


member = _member


def fill_template(xlsx: Path, folder: Path) -> None:
    """Fill a fresh cases.xlsx template with one case and one file, as an office clerk would."""
    from openpyxl import load_workbook

    from reviewdesk.packages import spreadsheet

    (folder / "files").mkdir()
    (folder / "files" / "说明.txt").write_text("施工方反映拖欠工程款问题，多次信访。", encoding="utf-8")
    wb = load_workbook(xlsx)
    meta = wb[spreadsheet.SHEETS["campaign"][0]]
    meta["B2"], meta["B3"], meta["B4"] = "2026-ZX-01", "2026年长期未执结案件专项评查", "某省委政法委执法监督处"
    wb[spreadsheet.SHEETS["cases"][0]].append(
        ["XF-001", "（2022）甘0102民初88号", "某建筑公司诉某开发公司建设工程施工合同纠纷", "civil", "建设工程施工合同纠纷", "enforcement",
         "GS-CGQ-FY", "兰州市城关区人民法院", "court", "620102", "2022-01-04", "2022-08-30", 4, "2022-10-01", "2026-03-01", "unenforced,repeated", "判决后长期未执行。"]
    )
    wb[spreadsheet.SHEETS["parties"][0]].append(["XF-001", "某建筑公司", "organization", None, "原告", "王某（某律师事务所）"])
    wb[spreadsheet.SHEETS["handlers"][0]].append(["XF-001", "李某", None, "GS-CGQ-FY", "承办法官"])
    wb[spreadsheet.SHEETS["files"][0]].append(["XF-001", "files/说明.txt", "情况说明", None])
    wb.save(xlsx)
