"""Interview records (谈话笔录): validation names the field, panel-only access, updates audited, CLI."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewdesk.clock import now
from reviewdesk.errors import PermissionDenied, ValidationError
from reviewdesk.services import experts, interviews
from reviewdesk.services.interviews import QA, InterviewInput
from reviewdesk.store.models import AuditEntry, PanelMember
from reviewdesk.workspace import OpenWorkspace
from tests.conftest import ADMIN, ADMIN_PW
from tests.helpers import run_cli
from tests.test_assignment_service import World

START = datetime.fromisoformat("2026-04-02T09:00:00+08:00")
END = datetime.fromisoformat("2026-04-02T10:30:00+08:00")
GOOD = InterviewInput(
    started_at=START, ended_at=END, place="某县人民法院第三会议室", interviewers=["王立", "陈静"], recorder="李敏",
    interviewee_name="张某", relation="handler", interviewee_unit="某县人民法院",
    notice={"identity": True, "purpose": True, "recusal_right": True, "truth_duty": True},
    qa=[QA("你是否为本案承办人？", "是。")], confirmation="以上笔录我已看过，与我说的相符。",
)
NOTICE_OFF = {"identity": True, "purpose": True, "recusal_right": False, "truth_duty": True}

BAD: list[tuple[dict[str, object], str]] = [
    ({"ended_at": START}, "ended_at"),
    ({"started_at": "yesterday"}, "started_at"),
    ({"place": " "}, "place"),
    ({"interviewers": ["王立"]}, "interviewers"),
    ({"interviewers": ["王立", "王立"]}, "interviewers"),
    ({"interviewers": ["王立", ""]}, "interviewers[1]"),
    ({"recorder": ""}, "recorder"),
    ({"interviewee_name": ""}, "interviewee_name"),
    ({"relation": "witness"}, "relation"),
    ({"interviewee_unit": ""}, "interviewee_unit"),
    ({"notice": NOTICE_OFF}, "notice.recusal_right"),
    ({"notice": {**GOOD.notice, "truth_duty": None}}, "notice.truth_duty"),
    ({"qa": []}, "qa"),
    ({"qa": [QA("问题", " ")]}, "qa[0].a"),
    ({"confirmation": ""}, "confirmation"),
]


def test_validation_names_the_field() -> None:
    assert interviews.validate(GOOD).interviewers == ["王立", "陈静"]
    for change, field in BAD:
        with pytest.raises(ValidationError) as err:
            interviews.validate(replace(GOOD, **change))  # type: ignore[arg-type]
        assert err.value.field == field, change
    # A party needs no unit; naive times are taken as this machine's time.
    ok = interviews.validate(replace(GOOD, relation="party", interviewee_unit="", started_at=datetime(2026, 4, 2, 9),
                                     ended_at=datetime(2026, 4, 2, 10)))
    assert ok.started_at.tzinfo is not None


def test_json_form_names_the_field() -> None:
    with pytest.raises(ValidationError) as err:
        interviews.input_from_json({"interviewee": {"name": "张某"}, "qa": [], "recorded": 1})
    assert err.value.field == "recorded"
    with pytest.raises(ValidationError) as err:
        interviews.validate(interviews.input_from_json({"interviewee": {"name": "张某", "relation": "party"}, "qa": []}))
    assert err.value.field == "started_at"


def _world(ws: OpenWorkspace) -> tuple[int, str]:
    w = World(ws)
    ids = [w.expert(f"E{i}", f"U{i}") for i in (1, 2, 3)]
    case = w.case("C1", "HANDLING")
    campaign = w.campaign("K1", cases=[case])
    with ws.write_session() as s, s.begin():
        for i, e in enumerate(ids[:2]):
            s.add(PanelMember(campaign_id=campaign, case_id=case, expert_id=e, role="leader" if i == 0 else "member",
                              assigned_by="admin", assigned_at=now()))
    return case, campaign


def test_members_record_list_and_update_others_refused(admin_ws: OpenWorkspace,
                                                        login_as: Callable[[str], OpenWorkspace]) -> None:
    case, campaign = _world(admin_ws)
    member = login_as("expert")
    experts.link_account(admin_ws, "E3", "expert1")  # E3 sits on no panel of this case
    with pytest.raises(PermissionDenied):
        interviews.record_interview(member, "C1", GOOD)
    experts.link_account(admin_ws, "E3", None)
    experts.link_account(admin_ws, "E2", "expert1")
    handler = interviews.record_interview(member, "C1", GOOD)
    party = interviews.record_interview(admin_ws, case, replace(GOOD, relation="party", interviewee_name="赵某",
                                                                 interviewee_unit="", started_at=START.replace(hour=8)))
    assert (handler.campaign_id, handler.created_by, handler.relation) == (campaign, "expert1", "handler")
    assert [v.id for v in interviews.interviews(member, "C1")] == [party.id, handler.id]  # earliest first
    shown = interviews.interview(member, handler.id)
    assert shown.qa == [QA("你是否为本案承办人？", "是。")] and shown.notice["truth_duty"] is True
    updated = interviews.update_interview(member, handler.id, replace(GOOD, place="某县法院调解室"))
    assert updated.place == "某县法院调解室" and updated.id == handler.id
    with pytest.raises(ValidationError) as err:
        interviews.update_interview(member, handler.id, replace(GOOD, notice=NOTICE_OFF))
    assert err.value.field == "notice.recusal_right"
    assert interviews.interview(admin_ws, handler.id).notice == GOOD.notice  # the refused update wrote nothing
    with admin_ws.read_session() as s:
        audit = [json.loads(e.details) for e in s.execute(
            select(AuditEntry).where(AuditEntry.action == "interview.update")).scalars()]
    assert audit == [{"campaign_id": campaign, "case_id": case, "changed": ["place"], "qa": 1}]
    with pytest.raises(PermissionDenied):
        interviews.interviews(login_as("observer"), "C1")


def test_cli_add_list_show(admin_ws: OpenWorkspace, ws_folder: Path, tmp_path: Path) -> None:
    _world(admin_ws)
    body = {
        "started_at": "2026-04-02T09:00:00+08:00", "ended_at": "2026-04-02T10:00:00+08:00", "place": "会议室",
        "interviewers": ["王立", "陈静"], "recorder": "李敏",
        "interviewee": {"name": "张某", "unit": "某县人民法院", "relation": "handler"},
        "notice": {"identity": True, "purpose": True, "recusal_right": True, "truth_duty": True},
        "qa": [{"q": "是否承办？", "a": "是。"}], "confirmation": "以上笔录我已看过。",
    }
    path = tmp_path / "interview.json"
    path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    auth = ("--user", ADMIN, "--password-env", "PW")

    def cli(*args: str) -> tuple[int, str, str]:
        done = run_cli("--workspace", str(ws_folder), *args, *auth, env={"PW": ADMIN_PW})
        return done.returncode, done.stdout, done.stderr

    code, out, err = cli("interview", "add", "--case", "C1", "--file", str(path), "--json")
    assert code == 0, err
    added = json.loads(out)
    assert added["interviewee_name"] == "张某" and added["qa"] == [{"q": "是否承办？", "a": "是。"}]
    code, out, err = cli("interview", "list", "--case", "C1", "--json")
    assert [r["id"] for r in json.loads(out)] == [added["id"]]
    code, out, err = cli("interview", "show", str(added["id"]))
    assert code == 0 and "问：是否承办？" in out
    path.write_text(json.dumps({**body, "recorder": ""}, ensure_ascii=False), encoding="utf-8")
    code, out, err = cli("interview", "add", "--case", "C1", "--file", str(path))
    assert code == 6 and "recorder" in err
