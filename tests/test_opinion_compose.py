"""The review opinion and the other case records as composed documents (before any renderer), the document
numbers, and who may produce them — against the demo workspace's real store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewdesk.demo import DEMO_CAMPAIGN, DEMO_PASSWORD
from reviewdesk.documents import opinion, records
from reviewdesk.documents.blocks import DocNumber, Heading, Letterhead, Para, Signatures, Table, Title
from reviewdesk.documents.facts import load_case_facts
from reviewdesk.documents.profile import load_profile
from reviewdesk.errors import PermissionDenied, ValidationError
from reviewdesk.services import audit, documents
from reviewdesk.services.base import ADMIN, query
from reviewdesk.services.scoring import recusal_statement
from reviewdesk.store.models import Case, Conclusion, Expert, PanelMember, User
from reviewdesk.workspace import OpenWorkspace, Workspace


def _concluded(ws: OpenWorkspace) -> list[tuple[str, str, list[str]]]:
    """(case external id, leader's username, members' usernames) of every concluded demo case."""
    with query(ws, "test", ADMIN) as s:
        out = []
        for case_id in s.execute(select(Conclusion.case_id).order_by(Conclusion.case_id)).scalars():
            case = s.get(Case, case_id)
            seats = s.execute(
                select(PanelMember.role, User.username).join(Expert, Expert.id == PanelMember.expert_id)
                .join(User, User.id == Expert.user_id).where(PanelMember.case_id == case_id)
            ).all()
            leader = next(u for r, u in seats if r == "leader")
            out.append((case.external_id, leader, [u for r, u in seats if r == "member"]))
        return out


def _facts(ws: OpenWorkspace, external_id: str):
    with query(ws, "test", ADMIN) as s:
        case_id = s.execute(select(Case.id).where(Case.external_id == external_id)).scalar_one()
        return load_case_facts(s, DEMO_CAMPAIGN, case_id)


def _texts(doc) -> list[str]:
    return [b.text for b in doc.blocks if hasattr(b, "text")]


def test_opinion_has_every_section_in_order_and_the_filled_facts(demo_ws: OpenWorkspace) -> None:
    external_id = _concluded(demo_ws)[0][0]
    f = _facts(demo_ws, external_id)
    doc = opinion.opinion(f, load_profile(), f.verdict.concluded_at)
    headings = [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 1]
    assert headings == [f"{n}、{name}" for n, name in zip("一二三四五六七八", opinion.SECTIONS, strict=True)]
    assert isinstance(doc.blocks[0], Letterhead) and any(isinstance(b, Title) for b in doc.blocks[:3])
    body = "\n".join(_texts(doc))
    assert f.case_number in body and f.unit_name in body
    assert all(m.name in body for m in f.members)
    assert f"综合得分{opinion.points(f.verdict.score)}分" in body and f"“{f.verdict.grade}”" in body
    assert opinion.OUTCOME_ZH[f.verdict.outcome] in body
    signatures = next(b for b in doc.blocks if isinstance(b, Signatures))
    assert [n for _, n in signatures.signers] == [m.name for m in f.members] and signatures.signers[0][0] == "组长"
    summary = next(b for b in doc.blocks if isinstance(b, Table))
    assert summary.header[3:-1] == tuple(s.expert_name for s in f.sheets)
    assert summary.rows[-2][3:-1] == tuple(opinion.points(s.total) for s in f.sheets)


def test_findings_are_grouped_by_category_with_their_evidence(demo_ws: OpenWorkspace) -> None:
    for external_id, _, _ in _concluded(demo_ws):
        f = _facts(demo_ws, external_id)
        if f.verdict.findings:
            break
    else:
        pytest.skip("the demo has no findings")
    doc = opinion.opinion(f, load_profile(), f.verdict.concluded_at)
    body = "\n".join(_texts(doc))
    for finding in f.verdict.findings:
        assert finding.description.rstrip("。") in body
        assert f"（见{finding.evidence_ref}）" in body
    sub = [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 2]
    assert sub and sub[0].startswith("（一）")


def test_numbers_are_issued_once_in_sequence_and_audited(plain_demo_ws: OpenWorkspace) -> None:
    # Without the demo's follow-up records: its 复核 re-issued an opinion, which took the first number.
    demo_ws = plain_demo_ws
    cases = _concluded(demo_ws)
    first = documents.render_opinion(demo_ws, cases[0][0], "docx")
    again = documents.render_opinion(demo_ws, cases[0][0], "docx")
    second = documents.render_opinion(demo_ws, cases[1][0], "docx")
    year = first.number[first.number.index("〔") + 1:first.number.index("〕")]
    assert first.number == again.number == f"×政法评〔{year}〕1号"
    assert second.number == f"×政法评〔{year}〕2号"
    entries = [e for e in audit.show(demo_ws, limit=20) if e.action == "opinion.export"]
    assert len(entries) == 3 and sum(e.details["issued"] for e in entries) == 2
    f = _facts(demo_ws, cases[0][0])
    assert f.number == first.number
    assert DocNumber(first.number) in opinion.opinion(f, load_profile(), f.issued_at).blocks


def test_an_unconcluded_case_has_no_opinion(demo_ws: OpenWorkspace) -> None:
    with query(demo_ws, "test", ADMIN) as s:
        open_case = s.execute(
            select(Case.external_id).join(PanelMember, PanelMember.case_id == Case.id)
            .where(Case.id.not_in(select(Conclusion.case_id)))
        ).scalars().first()
    with pytest.raises(ValidationError, match="no panel conclusion"):
        documents.render_opinion(demo_ws, open_case, "pdf")


def test_only_the_leader_or_an_admin_produces_the_opinion(demo_folder: Path) -> None:
    ws = Workspace(demo_folder)
    with ws.open("admin", DEMO_PASSWORD) as admin:
        external_id, leader, members = _concluded(admin)[0]
    with ws.open(members[0], DEMO_PASSWORD) as member, pytest.raises(PermissionDenied):
        documents.render_opinion(member, external_id, "docx")
    with ws.open(leader, DEMO_PASSWORD) as lead:
        assert documents.render_opinion(lead, external_id, "docx").number
    with ws.open("admin", DEMO_PASSWORD) as admin:
        denied = [e for e in audit.show(admin, limit=20) if e.action == "permission.denied"]
        assert denied and denied[0].target == "opinion.export"


def test_a_member_prints_only_their_own_sheet_until_they_submitted(demo_folder: Path) -> None:
    ws = Workspace(demo_folder)
    with ws.open("admin", DEMO_PASSWORD) as admin:
        external_id, _, members = _concluded(admin)[0]
        everyone = documents.render_records(admin, external_id, "score_sheet", "docx")
    assert len(everyone) == 3 and len({r.filename for r in everyone}) == 3
    with ws.open(members[0], DEMO_PASSWORD) as member:  # submitted in the demo: sees all submitted sheets
        assert len(documents.render_records(member, external_id, "score_sheet", "docx")) == 3


def test_score_sheet_recusal_form_and_interview_record_compose(demo_ws: OpenWorkspace) -> None:
    f = _facts(demo_ws, _concluded(demo_ws)[0][0])
    profile = load_profile()
    sheet = f.sheets[0]
    doc = records.score_sheet(f, sheet, profile)
    table = next(b for b in doc.blocks if isinstance(b, Table))
    items = sheet.rubric.items()
    assert len(table.rows) == len(items) + len(sheet.rubric.parts) + 1
    assert table.header[2] == "类别" and table.rows[-1][4] == opinion.points(sheet.total)
    deducted = [r for r in table.rows if r[0] in sheet.marks]
    assert all(r[4] for r in deducted if not sheet.marks[r[0]].veto)
    # Each item's 实体/程序 category, one veto mark, Chinese names instead of codes, no filler comment.
    assert all(r[2] == items[r[0]].tag for r in table.rows if r[0] in items)
    assert not any("（一票否决）（一票否决项）" in r[1] or r[1].count("一票否决") > 1 for r in table.rows)
    vetoes = [r for r in table.rows if r[0] in items and items[r[0]].veto]
    assert vetoes and all("一票否决" in r[1] for r in vetoes)
    texts = _texts(doc)
    assert f"{sheet.rubric.code} v" not in texts and "评查意见见各扣分项" not in texts
    form = records.recusal_form(f, profile, recusal_statement())
    # The statement numbers its own 一、二、: the form's parts carry no number of their own.
    assert not [b for b in form.blocks if isinstance(b, Heading) and b.text[1:2] == "、"]
    for interview in f.interviews:
        assert records.interview_record(f, interview, profile).page_foot == "被谈话人签名："
    assert [line for line in recusal_statement().splitlines()[2:] if line.strip()][0] in _texts(form)
    assert len(next(b for b in form.blocks if isinstance(b, Table)).rows) == len(f.members)


def test_the_office_profile_is_data_and_bad_profiles_are_refused(tmp_path: Path, demo_ws: OpenWorkspace) -> None:
    data = json.loads((Path(__file__).parent.parent / "resources/documents/office.json").read_text(encoding="utf-8"))
    data["letterhead"] = data["office_name"] = "某市委政法委员会"
    data["number_prefix"] = "某政法评"
    good = tmp_path / "office.json"
    good.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    external_id = _concluded(demo_ws)[0][0]
    profile = load_profile(good)
    rendered = documents.render_opinion(demo_ws, external_id, "docx", profile=profile)
    assert rendered.number.startswith("某政法评〔")
    f = _facts(demo_ws, external_id)
    assert opinion.opinion(f, profile, f.issued_at).blocks[0] == Letterhead("某市委政法委员会")
    data["texts"]["conclusion"] = "得分{score}，等次{level}"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationError, match=r"texts\.conclusion.*\{level\}"):
        load_profile(bad)
    # Templates str.format would stumble on when the document is written are refused when the profile loads.
    for broken in ("得分{score", "得分{}", "得分{0}", "得分{score.real}", "得分{score:{width}}"):
        data["texts"]["conclusion"] = broken
        bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        with pytest.raises(ValidationError, match=r"texts\.conclusion"):
            load_profile(bad)
    data["texts"]["conclusion"] = "得分{score}"
    del data["texts"]["referral"]
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationError, match=r"texts\.referral"):
        load_profile(bad)
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    with pytest.raises(ValidationError, match="broken.json"):
        load_profile(tmp_path / "broken.json")


def test_intro_reads_naturally_for_titles_ending_in_case(demo_ws: OpenWorkspace) -> None:
    f = _facts(demo_ws, _concluded(demo_ws)[0][0])
    intro = next(b.text for b in opinion.opinion(f, load_profile(), f.verdict.concluded_at).blocks
                 if isinstance(b, Para) and "现将评查意见" in b.text)
    assert "案一案" not in intro and "一案" in intro
