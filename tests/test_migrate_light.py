"""Opening a workspace decides "at head?" without Alembic, and gets Alembic's own answers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.runtime.migration import MigrationContext

from reviewdesk.store import migrate
from reviewdesk.workspace import OpenWorkspace
from tests.conftest import ADMIN, ADMIN_PW
from tests.helpers import ROOT


def test_the_scripts_head_is_alembics(tmp_path: Path) -> None:
    assert migrate.head_revision() == migrate.alembic_head()


def test_current_revision_is_alembics_before_and_after_a_downgrade(admin_ws: OpenWorkspace) -> None:
    def alembic_says() -> str | None:
        with admin_ws.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    assert migrate.current_revision(admin_ws.engine) == alembic_says() == migrate.head_revision()
    migrate.downgrade(admin_ws.engine, "0001")
    assert migrate.current_revision(admin_ws.engine) == alembic_says() == "0001"
    migrate.downgrade(admin_ws.engine, "base")
    assert migrate.current_revision(admin_ws.engine) is None and alembic_says() is None


def test_opening_a_workspace_at_head_imports_no_alembic(admin_ws: OpenWorkspace) -> None:
    folder = admin_ws.workspace.folder
    admin_ws.close()
    probe = (
        "import sys\nfrom reviewdesk.workspace import Workspace\n"
        f"Workspace(sys.argv[1]).open({ADMIN!r}, {ADMIN_PW!r}).close()\n"
        "print(sorted(m for m in sys.modules if m.startswith('alembic')))"
    )
    out = subprocess.run([sys.executable, "-c", probe, str(folder)], capture_output=True, text=True, check=True,
                         cwd=ROOT, timeout=120)
    assert out.stdout.strip() == "[]"


def test_the_key_is_derived_while_the_store_code_is_imported(admin_ws: OpenWorkspace) -> None:
    """In a fresh process (a CLI call) SQLAlchemy is not imported before the open, and the Argon2id derivation
    runs on a thread of its own while the caller imports it; the open works."""
    folder = admin_ws.workspace.folder
    admin_ws.close()
    probe = (
        "import sys, threading\nfrom reviewdesk.security import keyslots\n"
        "seen = []\nderive = keyslots.KdfParams.derive\n"
        "def spy(self, *a):\n"
        "    seen.append(threading.current_thread() is threading.main_thread())\n"
        "    return derive(self, *a)\n"
        "keyslots.KdfParams.derive = spy\n"
        "from reviewdesk.workspace import Workspace\n"
        "assert 'sqlalchemy' not in sys.modules\n"
        f"opened = Workspace(sys.argv[1]).open({ADMIN!r}, {ADMIN_PW!r})\n"
        "print(seen, opened.actor.username)\nopened.close()"
    )
    out = subprocess.run([sys.executable, "-c", probe, str(folder)], capture_output=True, text=True, cwd=ROOT,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"[False] {ADMIN}"
