"""The CLI's argparse tree imports no command code: every command's module loads only when it runs."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from reviewdesk.cli.lazy import LazyCommand
from reviewdesk.cli.main import _gui_request, build_parser
from reviewdesk.cli.parsers import documents, recusal, rubrics
from tests.helpers import ROOT

HEAVY = ("numpy", "ortools", "docx", "reportlab", "PIL", "openpyxl", "sqlalchemy", "alembic", "PySide6", "pypdfium2")


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True, timeout=60)
    return set(out.stdout.split())


def test_building_the_tree_imports_no_command_module_and_nothing_heavy() -> None:
    loaded = _loaded_after("from reviewdesk.cli.main import build_parser\nbuild_parser().format_help()")
    assert not {m for m in loaded if m.split(".")[0] in HEAVY}
    assert not {m for m in loaded if m.startswith("reviewdesk.cli.commands.")}
    assert "reviewdesk.cli.commands" not in loaded


def test_the_gui_starts_without_command_modules_or_the_heavy_libraries() -> None:
    # ui.app.run is replaced so that no window opens: what counts is what was imported before it.
    code = (
        "import ui.app\nui.app.run = lambda workspace=None, username=None, file=None: 0\n"
        "from reviewdesk.cli.main import main\nassert main([]) == 0 and main(['gui']) == 0"
    )
    loaded = _loaded_after(code)
    assert {m for m in loaded if m.startswith("reviewdesk.cli.commands.")} == {"reviewdesk.cli.commands.gui"}
    assert not {m for m in loaded if m.startswith("reviewdesk.cli.parsers")}  # not even the tree was built
    assert not {m for m in loaded if m.split(".")[0] in HEAVY and not m.startswith("PySide6")}


@pytest.mark.parametrize(("argv", "expected"), [
    ([], (True, None)), (["gui"], (True, None)), (["--workspace", "D"], (True, "D")),
    (["--workspace=D", "gui"], (True, "D")),
    # everything else goes through the whole tree, which also reports its errors
    (["gui", "--workspace", "D"], (False, "D")), (["--workspace"], (False, None)), (["--help"], (False, None)),
    (["gui", "--help"], (False, None)), (["--version"], (False, None)), (["whoami"], (False, None)),
])
def test_only_the_plain_gui_start_skips_the_tree(argv: list[str], expected: tuple[bool, str | None]) -> None:
    assert _gui_request(argv) == expected


def test_a_command_imports_its_own_module_only() -> None:
    code = (
        "from reviewdesk.cli.main import main\n"
        "try:\n    main(['--workspace', '/nonexistent-rd', 'rubric', 'list', '--user', 'x', '--password-env', 'NOPE'])\n"
        "except SystemExit:\n    pass"
    )
    commands = {m for m in _loaded_after(code) if m.startswith("reviewdesk.cli.commands.")}
    assert commands == {"reviewdesk.cli.commands.rubrics"}


def _leaves(parser: argparse.ArgumentParser) -> list[LazyCommand]:
    found = [parser._defaults["func"]] if "func" in parser._defaults else []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found += _leaves(sub)
    return found


def test_every_declared_command_resolves_to_a_function() -> None:
    leaves = _leaves(build_parser())
    assert len(leaves) > 80 and all(isinstance(c, LazyCommand) for c in leaves)
    for lazy in leaves:
        assert callable(lazy.resolve()), lazy.target


def test_declared_choices_are_the_services_own() -> None:
    from reviewdesk.services import documents as documents_service
    from reviewdesk.services import recusal as recusal_service
    from reviewdesk.services import rubrics as rubrics_service

    assert recusal.DECLARATION_KINDS == recusal_service.DECLARATION_KINDS
    assert rubrics.CONSOLIDATIONS == rubrics_service.CONSOLIDATIONS
    assert rubrics.RUBRIC_KEYS == rubrics_service.RUBRIC_KEYS
    assert documents.FORMATS == documents_service.FORMATS
    assert documents.RECORD_KINDS == documents_service.RECORD_KINDS


def test_whoami_opens_the_workspace_without_sqlalchemy_or_alembic(admin_ws, monkeypatch) -> None:
    """Opening a workspace and reading the account are plain SQL on the core tables (store/login_sql.py)."""
    from tests.conftest import ADMIN, ADMIN_PW

    folder = admin_ws.workspace.folder
    admin_ws.close()
    monkeypatch.setenv("RD_TEST_PW", ADMIN_PW)  # the probe's process inherits it
    code = (
        "from reviewdesk.cli.main import main\n"
        f"assert main(['--workspace', {str(folder)!r}, 'whoami', '--json', '--user', {ADMIN!r}, "
        "'--password-env', 'RD_TEST_PW']) == 0"
    )
    loaded = _loaded_after(code)
    assert {"reviewdesk.services.account", "reviewdesk.cli.commands.users"} <= loaded  # it really ran
    assert not {m for m in loaded if m.split(".")[0] in ("sqlalchemy", "alembic")}
    assert "reviewdesk.store.core_models" not in loaded
    assert not {m for m in loaded if m.split(".")[0] in ("numpy", "ortools", "docx", "reportlab", "openpyxl")}
