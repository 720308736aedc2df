"""Shared fixtures. Everything runs against the real SQLCipher store in a temporary folder, and Qt offscreen."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from reviewdesk.packages import age, minisign
from reviewdesk.services import keys, users
from reviewdesk.workspace import OpenWorkspace, Workspace
from tests.packaging import new_office_key

ADMIN = "admin"
ADMIN_PW = "admin-pass-2026"
USER_PW = "member-pass-2026"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real per-user folders: point XDG dirs and the workspace default at a temp folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("REVIEWDESK_LOG_DIR", str(home / "log"))  # CLI subprocesses inherit it
    monkeypatch.delenv("REVIEWDESK_WORKSPACE", raising=False)
    monkeypatch.delenv("REVIEWDESK_USER", raising=False)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo workspace (campaign 2026-XF-01 with panels, sheets, four conclusions and the follow-up registers
    in every state), built once."""
    from reviewdesk.demo import create_demo

    folder = tmp_path_factory.mktemp("demo-template") / "demo"
    create_demo(folder)
    return folder


@pytest.fixture(scope="session")
def plain_demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo without follow-up records (create_demo(followup=False)), built once: for tests that walk a
    register from its first record or number."""
    from reviewdesk.demo import create_demo

    folder = tmp_path_factory.mktemp("plain-demo-template") / "demo"
    create_demo(folder, followup=False)
    return folder


@pytest.fixture(scope="session")
def enriched_demo(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with more conclusions (tests/campaign_world.py), built once; tests only read it."""
    from reviewdesk.demo import DEMO_ADMIN, DEMO_PASSWORD
    from tests.campaign_world import enrich

    folder = tmp_path_factory.mktemp("enriched") / "demo"
    shutil.copytree(demo_template, folder)
    with Workspace(folder).open(DEMO_ADMIN, DEMO_PASSWORD) as ws:
        enrich(ws)
    return folder


@pytest.fixture(scope="session")
def plain_enriched_demo(plain_demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """enriched_demo without follow-up records, built once: for tests that walk the follow-up loop from an empty
    register (its first item, letter and notice numbers, counts from zero)."""
    from reviewdesk.demo import DEMO_ADMIN, DEMO_PASSWORD
    from tests.campaign_world import enrich

    folder = tmp_path_factory.mktemp("plain-enriched") / "demo"
    shutil.copytree(plain_demo_template, folder)
    with Workspace(folder).open(DEMO_ADMIN, DEMO_PASSWORD) as ws:
        enrich(ws)
    return folder


@pytest.fixture
def world(plain_enriched_demo: Path, tmp_path: Path) -> Iterator[OpenWorkspace]:
    """A private copy of plain_enriched_demo, opened as its admin: the follow-up tests' world (seven
    conclusions: the 5th wrong with a referral, the 6th flawed, the 1st at version 2). A module with a world
    of its own overrides this one."""
    from reviewdesk.demo import DEMO_ADMIN, DEMO_PASSWORD

    shutil.copytree(plain_enriched_demo, tmp_path / "demo")
    with Workspace(tmp_path / "demo").open(DEMO_ADMIN, DEMO_PASSWORD) as ws:
        yield ws


def _copied(template: Path, folder: Path) -> Path:
    shutil.copytree(template, folder)
    return folder


def _opened_as_admin(folder: Path) -> Iterator[OpenWorkspace]:
    from reviewdesk.demo import DEMO_ADMIN, DEMO_PASSWORD

    with Workspace(folder).open(DEMO_ADMIN, DEMO_PASSWORD) as opened:
        yield opened


@pytest.fixture
def demo_folder(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo workspace for one test."""
    return _copied(demo_template, tmp_path / "demo")


@pytest.fixture
def demo_ws(demo_folder: Path) -> Iterator[OpenWorkspace]:
    yield from _opened_as_admin(demo_folder)


@pytest.fixture
def plain_demo_folder(plain_demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo without follow-up records for one test."""
    return _copied(plain_demo_template, tmp_path / "plain-demo")


@pytest.fixture
def plain_demo_ws(plain_demo_folder: Path) -> Iterator[OpenWorkspace]:
    yield from _opened_as_admin(plain_demo_folder)


@pytest.fixture
def ws_folder(tmp_path: Path) -> Path:
    return tmp_path / "workspace"


@pytest.fixture
def admin_ws(ws_folder: Path) -> Iterator[OpenWorkspace]:
    opened, _code = Workspace(ws_folder).create(ADMIN, "刘建国", ADMIN_PW)
    yield opened
    opened.close()


@pytest.fixture
def recovery(ws_folder: Path) -> Iterator[tuple[OpenWorkspace, str]]:
    opened, code = Workspace(ws_folder).create(ADMIN, "刘建国", ADMIN_PW)
    yield opened, code
    opened.close()


@pytest.fixture
def login_as(admin_ws: OpenWorkspace) -> Iterator[Callable[[str], OpenWorkspace]]:
    """Create an account with the given role (named after it) and return it logged in."""
    opened: list[OpenWorkspace] = []

    def _login(role: str) -> OpenWorkspace:
        name = f"{role}1"
        if not any(u.username == name for u in users.list_users(admin_ws)):
            users.add_user(admin_ws, name, f"{role} 用户", role, USER_PW)
        ws = admin_ws.workspace.open(name, USER_PW)
        opened.append(ws)
        return ws

    yield _login
    for ws in opened:
        ws.close()


# -- packages: an office that signs, this desk trusting it, and this desk's age recipient -----------------
@pytest.fixture
def office() -> minisign.SigningKey:
    return new_office_key()


@pytest.fixture
def desk(admin_ws: OpenWorkspace, office: minisign.SigningKey) -> OpenWorkspace:
    keys.trust_issuer(admin_ws, office.public_key_text("office key"), "某省委政法委执法监督处")
    return admin_ws


@pytest.fixture
def recipient(desk: OpenWorkspace) -> age.Recipient:
    return age.Recipient.from_str(keys.recipient(desk))
