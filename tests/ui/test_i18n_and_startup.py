"""Translations complete and compiled; the start-up path stays light; the light folder check matches the core."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reviewdesk import locate
from ui import i18n_build


def test_zh_cn_catalogue_is_complete_and_compiled():
    if i18n_build.tool("lupdate") is None or i18n_build.tool("lrelease") is None:
        pytest.skip("pyside6-lupdate/pyside6-lrelease not installed: cannot check the translation catalogue")
    problems = i18n_build.problems("zh_CN")
    assert problems == [], "\n".join(problems)


def test_every_translate_call_names_its_context_literally():
    """lupdate only finds translate("Context", "text") with a literal context; a variable hides the string."""
    import re

    offenders = []
    for path in sorted(Path(__file__).resolve().parents[2].joinpath("ui").rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            # translate(context_variable, …) and tr('…') inside an f-string are both invisible to lupdate
            if re.search(r"\btranslate\(\s*[A-Za-z_]", line) or re.search(r"\btr\('", line):
                offenders.append(f"{path.name}:{n}")
    assert not offenders, offenders


def test_zh_cn_catalogue_loads(qapp):
    from ui import i18n
    from ui.qt import QCoreApplication

    assert i18n.install("zh_CN") == "zh_CN"
    assert QCoreApplication.translate("LoginWindow", "Log in") == "登录"


def test_login_path_imports_no_database_code():
    code = (
        "import sys; import ui.app, ui.windows.login; "
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic', 'cryptography')"
        " or m in ('reviewdesk.workspace', 'PySide6.QtPrintSupport')); print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# What the README's start (`reviewdesk --workspace DIR`) may not have loaded while the login window is all
# there is: the store and its ORM, key derivation, the services, the workspace module (they load with 登录),
# printing, and ctypes (the session-lock watcher needs it on Windows only).
NOT_BEFORE_LOGIN = ("sqlalchemy", "alembic", "cryptography", "argon2", "sqlcipher3", "numpy", "ortools", "docx")
NOT_BEFORE_LOGIN_MODULES = ("reviewdesk.workspace", "reviewdesk.store", "reviewdesk.services", "reviewdesk.security",
                            "PySide6.QtPrintSupport", "ui.windows.main_window", "ui.pages")


def test_login_window_on_screen_has_loaded_only_what_it_needs(admin_ws, ws_folder):
    import os

    code = (
        "import sys\nfrom reviewdesk.cli.main import main\n"
        f"assert main(['--workspace', {str(ws_folder)!r}]) == 0\n"
        "from PySide6 import QtWidgets\n"
        "print(len(vars(QtWidgets)), len(dir(QtWidgets)))\n"
        "print(' '.join(sorted(sys.modules)))"
    )
    env = dict(os.environ, REVIEWDESK_EXIT_WHEN_SHOWN="1", QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    shown, made, modules = out.stdout.splitlines()
    assert shown == "REVIEWDESK-SHOWN LoginWindow"
    loaded = set(modules.split())
    assert "ui.single_instance" in loaded and "PySide6.QtNetwork" in loaded  # the probe must see a real start
    assert not {m for m in loaded if m.split(".")[0] in NOT_BEFORE_LOGIN}
    assert not {m for m in loaded if m.startswith(NOT_BEFORE_LOGIN_MODULES)}
    if sys.platform != "win32":
        assert "ctypes" not in loaded
    # PySide6 makes a class on first use; a star import of a Qt module (~0.15 s) would make them all.
    in_module, classes = map(int, made.split())
    assert in_module < classes / 3  # at the login window about 40 of some 200 (a star import: all)


def test_light_folder_check(tmp_path):
    assert locate.folder_state(tmp_path) is locate.FolderState.MISSING
    (tmp_path / locate.DB_NAME).write_bytes(b"")
    assert locate.folder_state(tmp_path) is locate.FolderState.INCOMPLETE
    (tmp_path / locate.SLOTS_NAME).write_bytes(b"")
    assert locate.folder_state(tmp_path) is locate.FolderState.COMPLETE


def test_exit_when_shown_hook_prints_the_marker(admin_ws, ws_folder):
    import os

    env = dict(os.environ, REVIEWDESK_EXIT_WHEN_SHOWN="1", QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-m", "ui", "--workspace", str(ws_folder)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert "REVIEWDESK-SHOWN LoginWindow" in out.stdout


def test_qt_binding_keeps_reference_counts(qtbot):
    """PySide6-Essentials 6.12.0 dropped a reference to None on every void call (the interpreter aborts after a
    few thousand); pyproject pins below it, and this catches any build with the same fault."""
    import sys

    from ui.qt import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.setEnabled(True)
    assert abs(sys.getrefcount(None) - before) < 50
