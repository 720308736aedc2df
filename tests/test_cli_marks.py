"""`marks list|add|edit|remove` as a script runs them (in-process): --json shapes, exit codes, and the privacy of
notes — another expert, an admin or an observer gets nothing of them (docs/reading-room.md, docs/cli.md)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from reviewdesk.cli.main import main
from reviewdesk.services import reading_marks
from reviewdesk.store.models import AuditEntry
from reviewdesk.workspace import OpenWorkspace
from tests.case_files import pdf_page_count, store_document
from tests.conftest import ADMIN, ADMIN_PW, USER_PW
from tests.test_scoring_sheets import Panel, make_panel
from tests.test_search_hits import long_pdf

NOTE = "笔录未载明询问起止时间"


@pytest.fixture
def panel(admin_ws: OpenWorkspace, login_as: Callable[[str], OpenWorkspace]) -> Panel:
    return make_panel(admin_ws, login_as)


class Cli:
    def __init__(self, folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
        self.folder, self.capsys = folder, capsys
        monkeypatch.setenv("PW", USER_PW)
        monkeypatch.setenv("ADMIN_PW", ADMIN_PW)
        monkeypatch.delenv("REVIEWDESK_LANG", raising=False)

    def __call__(self, user: str, *args: str) -> SimpleNamespace:
        self.capsys.readouterr()
        env = "ADMIN_PW" if user == ADMIN else "PW"
        try:
            code = main(["--workspace", str(self.folder), "marks", *args, "--user", user, "--password-env", env])
        except SystemExit as done:  # argparse's own usage errors
            code = int(done.code or 0)
        out, err = self.capsys.readouterr()
        return SimpleNamespace(code=code, out=out, err=err, json=json.loads(out) if out.strip().startswith("{") else None)


def test_add_list_edit_remove_and_who_is_refused(
    panel: Panel, ws_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pdf = long_pdf()
    pages = pdf_page_count(pdf)
    doc = store_document(panel.admin, panel.case_id, "cases/C1/01-询问笔录.pdf", "询问笔录", "application/pdf", pdf, pages)
    me = panel.login(panel.members[0])  # account expert1
    other = panel.login(panel.members[1])  # another member of the same panel
    other_name = other.actor.username
    cli = Cli(ws_folder, capsys, monkeypatch)

    added = cli("expert1", "add", "--document", str(doc), "--page", "2", "--note", NOTE, "--passage", "询问时间", "--json")
    assert added.code == 0, added.err
    mark = added.json
    assert set(mark) == {"id", "case_id", "document_id", "page", "passage", "note", "created_at", "updated_at",
                         "reference"}
    assert (mark["document_id"], mark["page"], mark["note"], mark["passage"]) == (doc, 2, NOTE, "询问时间")
    assert mark["case_id"] == panel.case_id and mark["reference"] == "卷1第2页"
    assert [m.id for m in reading_marks.my_marks(me)] == [mark["id"]]  # stored, and the expert's own

    note_file = tmp_path / "note.txt"
    note_file.write_text("\ufeff第3页缺少签名\n", encoding="utf-8")  # a BOM and a trailing newline, as editors write
    from_file = cli("expert1", "add", "--document", str(doc), "--page", "3", "--note-file", str(note_file), "--json")
    assert from_file.code == 0, from_file.err
    assert from_file.json["note"] == "第3页缺少签名"

    listed = cli("expert1", "list", "--case", panel.case_ref, "--json")
    assert listed.code == 0 and [m["id"] for m in listed.json["marks"]] == [mark["id"], from_file.json["id"]]
    assert listed.json["marks"][0] == mark
    by_doc = cli("expert1", "list", "--document", str(doc))
    assert by_doc.code == 0 and NOTE in by_doc.out and "第2页" in by_doc.out and len(by_doc.out.splitlines()) == 2

    edited = cli("expert1", "edit", str(mark["id"]), "--note", "询问起止时间缺失", "--json")
    assert edited.code == 0 and edited.json["note"] == "询问起止时间缺失" and edited.json["id"] == mark["id"]

    # Another member of the panel sees none of it and may not touch it (refusals are audited, exit 5).
    assert cli(other_name, "list", "--json").json == {"marks": []}
    refused = cli(other_name, "edit", str(mark["id"]), "--note", "改写")
    assert refused.code == 5 and "permission denied" in refused.err
    assert cli(other_name, "remove", str(mark["id"])).code == 5
    # An admin or an observer has no marks to read or make.
    assert cli(ADMIN, "list", "--json").code == 5
    no_admin = cli(ADMIN, "add", "--document", str(doc), "--page", "1", "--note", "管理员")
    assert no_admin.code == 5 and no_admin.out == ""
    # An expert not on the panel may not mark the case's documents nor list its marks.
    outsider = panel.login(panel.outsider).actor.username
    assert cli(outsider, "add", "--document", str(doc), "--page", "1", "--note", "越权").code == 5
    assert cli(outsider, "list", "--case", panel.case_ref).code == 5
    assert reading_marks.my_marks(me)[0].note == "询问起止时间缺失"  # unchanged by the refused edit

    # Bad input: a page outside the file, an empty note, an unknown mark, a missing note file.
    bad = cli("expert1", "add", "--document", str(doc), "--page", str(pages + 1), "--note", "页码不对")
    assert bad.code == 6 and f"1 to {pages}" in bad.err and bad.err.count("\n") == 1
    monkeypatch.setenv("REVIEWDESK_LANG", "zh_CN")
    bad_zh = cli("expert1", "add", "--document", str(doc), "--page", "0", "--note", "页码不对")
    assert bad_zh.code == 6 and f"页码须在 1 至 {pages} 之间" in bad_zh.err
    monkeypatch.delenv("REVIEWDESK_LANG")
    assert cli("expert1", "add", "--document", str(doc), "--page", "x", "--note", "n").code == 2  # not a number
    assert cli("expert1", "add", "--document", str(doc), "--page", "1").code == 2  # neither --note nor --note-file
    assert cli("expert1", "add", "--document", str(doc), "--page", "1", "--note", " ").code == 6
    assert cli("expert1", "add", "--document", "999999", "--page", "1", "--note", "n").code == 7
    assert cli("expert1", "edit", "999999", "--note", "n").code == 7
    assert cli("expert1", "list", "--case", "NO-SUCH-CASE").code == 7
    missing = cli("expert1", "add", "--document", str(doc), "--page", "1", "--note-file", str(tmp_path / "none.txt"))
    assert missing.code == 6 and "--note-file" in missing.err
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("résumé".encode("latin-1"))
    assert cli("expert1", "edit", str(mark["id"]), "--note-file", str(latin)).code == 6
    assert len(reading_marks.my_marks(me)) == 2  # nothing half-written

    removed = cli("expert1", "remove", str(mark["id"]), "--json")
    assert removed.code == 0 and removed.json == {"removed": mark["id"]}
    assert [m.id for m in reading_marks.my_marks(me)] == [from_file.json["id"]]
    assert cli("expert1", "remove", str(mark["id"])).code == 7

    with panel.admin.read_session() as s:
        audited = list(s.execute(select(AuditEntry.action, AuditEntry.details).where(AuditEntry.action.like("mark.%"))))
    assert [a for a, _d in audited] == ["mark.add", "mark.add", "mark.update", "mark.remove"]
    assert all(NOTE not in json.dumps(d, ensure_ascii=False) for _a, d in audited)  # never the note's words
