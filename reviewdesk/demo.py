"""A demo workspace with realistic synthetic data: accounts, units in three Gansu prefectures, campaigns.

Every name here is invented. The demo password is public and printed: a demo workspace holds no real data.
The demo campaign holds 64 generated cases with PDF and DOCX files, a 48-expert pool with planted conflicts,
a reproducible draw of 40 cases plus two key cases, saved panels, submitted score sheets for six panels and the
conclusions of four (reviewdesk/demo_scoring.py).
"""

from __future__ import annotations

import json
import shutil
import uuid
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from reviewdesk import demo_cases, demo_experts, demo_followup, demo_scoring
from reviewdesk.clock import now
from reviewdesk.errors import WorkspaceError
from reviewdesk.packages.builder import manifest_bytes
from reviewdesk.packages.manifest import parse
from reviewdesk.security.derived_ahead import derived_ahead
from reviewdesk.services import assignment, audit, campaigns, experts, imports, selection, settings, users
from reviewdesk.workspace import OpenWorkspace, Workspace

DEMO_PASSWORD = "demo-2026"
DEMO_ADMIN = "admin"

DEMO_USERS = [
    # (user name, display name, role)
    ("zhanghua", "张华", "expert"),
    ("liming", "李明", "expert"),
    ("wangfang", "王芳", "expert"),
    ("zhaoqiang", "赵强", "expert"),
    ("chenjing", "陈静", "observer"),
    ("sunli", "孙丽", "auditor"),
]

DEMO_UNITS = [
    ("GS-ZFW", "甘肃省委政法委执法监督处", "other", "620000"),
    ("GS-CGQ-FY", "兰州市城关区人民法院", "court", "620102"),
    ("GS-QLH-FY", "兰州市七里河区人民法院", "court", "620103"),
    ("GS-LZ-ZY", "兰州市中级人民法院", "court", "620100"),
    ("GS-CGQ-JCY", "兰州市城关区人民检察院", "procuratorate", "620102"),
    ("GS-CGQ-GAJ", "兰州市公安局城关分局", "police", "620102"),
    ("GS-TS-ZY", "天水市中级人民法院", "court", "620500"),
    ("GS-QZQ-FY", "天水市秦州区人民法院", "court", "620502"),
    ("GS-MJQ-JCY", "天水市麦积区人民检察院", "procuratorate", "620503"),
    ("GS-BY-ZY", "白银市中级人民法院", "court", "620400"),
    ("GS-BYQ-GAJ", "白银市公安局白银分局", "police", "620402"),
    ("GS-JT-SFJ", "会宁县司法局", "justice", "620422"),
]

MARKER = ".reviewdesk-demo"
MARKER_TEXT = "demo workspace: synthetic data only\n"
DEMO_CAMPAIGN = "2026-XF-01"
DEMO_SELECTION_SEED = "2026-XF-01-演示抽签"
DEMO_PANEL_SEED = "2026-XF-01-演示分组"
DEMO_CAMPAIGNS = [
    ("2026-XF-01", "2026年涉法涉诉信访案件集中评查", 2026, "prefecture"),
    ("2026-ZX-01", "2026年长期未执结案件专项评查", 2026, "county"),
]


# What the builder is doing, in order, for the progress lines: (English, Chinese).
STEPS = [
    ("case files (64 cases, PDF and Word)", "生成案件和卷宗文件（64 件，PDF 和 Word）"),
    ("workspace and accounts", "创建工作区和账户"),
    ("importing the cases", "导入案件"),
    ("expert pool", "导入专家库"),
    ("case draw and panels", "抽取案件并分组"),
    ("score sheets and conclusions", "提交评分表和合议结论"),
    ("rectification, referral, objection and special rectification", "整改、线索移送、异议复核和专项整治"),
]
StepFn = Callable[[int, str, str], None]  # (step number from 1, English, Chinese)
# Accounts the demo makes, all with DEMO_PASSWORD: the admin, DEMO_USERS and the 16 panel members without a login
# (tests/test_demo_readme.py checks the count). Their slots' keys are derived in the background from the start.
DEMO_ACCOUNT_COUNT = 23


def demo_folder() -> Path:
    from platformdirs import user_data_path

    return user_data_path("ReviewDesk", appauthor=False) / "demo-workspace"


def _scoring_deadline() -> str:
    """Two weeks from the day the demo is made, so an expert's to-do list shows a deadline to come."""
    return (now().date() + timedelta(days=14)).isoformat()


def create_demo(folder: Path, *, reset: bool = False, progress: StepFn | None = None,
                followup: bool = True) -> Workspace:
    """The demo workspace at `folder`. followup=False leaves the follow-up registers empty (for tests that walk
    a register from its first record); `reviewdesk demo` always makes them."""
    ws = Workspace(folder)
    if ws.db_path.exists() or ws.slots_path.exists():
        if not reset:
            raise WorkspaceError(
                f"a workspace already exists at {ws.folder} (use --reset to recreate the demo)",
                message_zh=f"{ws.folder} 处已有工作区（如需重建演示工作区，请加 --reset）",
            )
        if not (ws.folder / MARKER).exists():
            raise WorkspaceError(
                f"{ws.folder} is not a demo workspace; refusing to delete it",
                message_zh=f"{ws.folder} 不是演示工作区，拒绝删除",
            )
        shutil.rmtree(ws.folder)

    def step(n: int) -> None:
        if progress is not None:
            progress(n, *STEPS[n - 1])

    with derived_ahead(DEMO_PASSWORD, DEMO_ACCOUNT_COUNT):
        return _build(ws, step, followup)


def _build(ws: Workspace, step: Callable[[int], None], followup: bool) -> Workspace:
    # The case files come first: making them needs no store, and the accounts' key derivations run meanwhile.
    step(1)
    manifest_data, files = demo_cases.demo_package()
    step(2)
    opened, _code = ws.create(DEMO_ADMIN, "刘建国", DEMO_PASSWORD)
    marker = ws.folder / MARKER
    marker.write_text(MARKER_TEXT, encoding="utf-8")
    with opened:
        for name, display, role in DEMO_USERS:
            users.add_user(opened, name, display, role, DEMO_PASSWORD)
        for code, name, kind, region in DEMO_UNITS:
            campaigns.add_unit(opened, code, name, kind, region)
        for cid, name, year, level in DEMO_CAMPAIGNS:
            campaigns.create_campaign(
                opened, cid, name, year, cross_region_level=level, organiser_unit="GS-ZFW",
                scoring_deadline=_scoring_deadline() if cid == DEMO_CAMPAIGN else None,
            )
        settings.set_setting(opened, "idle_lock_minutes", 10)
        step(3)
        imports.import_prepared(opened, parse(manifest_data), demo_cases.members(files), "demo")
        step(4)
        _expert_pool(opened, json.loads(manifest_data)["cases"])
        step(5)
        _panels(opened)
        step(6)
        demo_scoring.score_demo(opened, DEMO_CAMPAIGN, DEMO_PASSWORD)
        if followup:
            step(7)
            demo_followup.add_followup(opened, DEMO_CAMPAIGN)  # the follow-up registers in every state (issue 16)
        audit.checkpoint(opened)
        # The demo's accounts are public (README, the command's output), so the marker may name them.
        names = [u.username for u in users.list_users(opened)]
        marker.write_text(MARKER_TEXT + "accounts: " + " ".join(names) + "\n", encoding="utf-8")
    return ws


def demo_accounts(folder: Path) -> list[str]:
    """Every account of the demo workspace at `folder` (from its marker; empty if it has none)."""
    try:
        lines = (Path(folder) / MARKER).read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    return next((line.split()[1:] for line in lines if line.startswith("accounts:")), [])


def _expert_pool(opened: OpenWorkspace, cases: list[dict[str, object]]) -> None:
    """The 48 experts go through the roster parser and the pool's own import, then the coordinator's edits."""
    roster = {
        "format": "reviewdesk-package", "version": 1, "kind": "roster",
        "package_id": str(uuid.UUID(int=48, version=4)), "created_at": "2026-11-20T10:00:00+08:00",
        "issuer": {"name": "甘肃省委政法委执法监督处（演示）", "key_id": "DE3000000000D3E0"},
        "cases": [], "experts": demo_experts.demo_roster(cases), "files": [],
    }
    experts.import_roster(opened, parse(manifest_bytes(roster)).experts, "演示专家库")
    for external_id, tags in demo_experts.DEMO_TAGS.items():
        experts.set_tags(opened, external_id, tags)
    for external_id, note in demo_experts.DEMO_UNAVAILABLE.items():
        experts.set_availability(opened, external_id, False, note)
    for n, username in enumerate(demo_experts.ACCOUNT_EXPERTS, start=1):
        experts.link_account(opened, f"EXP-{n:04d}", username)


def _panels(opened: OpenWorkspace) -> None:
    """Draw 40 of the 64 cases with a recorded seed, add two key cases, and save the panels."""
    drawn = selection.draw(opened, DEMO_CAMPAIGN, count=40, seed=DEMO_SELECTION_SEED)
    chosen = {c.external_id for c in drawn.cases}
    rest = [f"GS-DEMO-{n:04d}" for n in range(1, 65) if f"GS-DEMO-{n:04d}" not in chosen]
    for external_id, reason in zip(rest[:2], ["当事人反复信访，社会关注度高", "上级交办的重点案件"], strict=True):
        selection.add_key_case(opened, DEMO_CAMPAIGN, external_id, reason)
    assignment.apply(opened, DEMO_CAMPAIGN, seed=DEMO_PANEL_SEED, allow_partial=True)


def ensure_demo(folder: Path, *, progress: StepFn | None = None) -> tuple[Workspace, bool]:
    """The demo workspace at `folder`, created if missing. Returns (workspace, created)."""
    ws = Workspace(folder)
    if ws.exists():
        return ws, False
    return create_demo(folder, progress=progress), True
