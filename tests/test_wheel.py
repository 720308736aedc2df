"""The wheel built from this checkout carries `resources/` and the migrations, and finds them once installed."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from reviewdesk.resources import migrations_dir, resources_dir
from tests.helpers import ROOT


def _shipped(folder: Path, prefix: str, skip: tuple[str, ...] = ()) -> set[str]:
    return {
        f"{prefix}/{p.relative_to(folder).as_posix()}"
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and not p.name.endswith(skip)
    }


def test_wheel_holds_resources_and_migrations_and_finds_them_installed(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    (wheel,) = tmp_path.glob("reviewdesk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    resources = _shipped(resources_dir(), "reviewdesk/_resources", skip=(".ts",))
    migrations = _shipped(migrations_dir(), "reviewdesk/store/migrations")
    assert "reviewdesk/_resources/translations/reviewdesk_zh_CN.qm" in resources
    assert "reviewdesk/_resources/help/manual.html" in resources  # the manual F1 opens, and its pictures
    assert any(name.startswith("reviewdesk/_resources/help/images/") for name in resources)
    assert "reviewdesk/store/migrations/versions/0001_accounts_audit.py" in migrations
    assert resources <= names, sorted(resources - names)
    assert migrations <= names, sorted(migrations - names)

    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "import reviewdesk\nfrom reviewdesk.resources import resources_dir, migrations_dir\n"
        "from reviewdesk.store.migrate import head_revision\n"
        "print(reviewdesk.__file__); print(resources_dir()); print(migrations_dir()); print(head_revision())"
    )
    out = subprocess.run([sys.executable, "-c", probe, str(site)], capture_output=True, text=True, check=True,
                         cwd=tmp_path, timeout=60).stdout.splitlines()
    assert [Path(p) for p in out[:3]] == [
        site / "reviewdesk" / "__init__.py", site / "reviewdesk" / "_resources", site / "reviewdesk" / "store" / "migrations"
    ]
    assert (site / "reviewdesk" / "_resources" / "fonts" / "wqy-microhei.ttc").is_file()
    assert (site / "reviewdesk" / "_resources" / "help" / "manual.html").is_file()
    assert out[3]  # Alembic read the shipped scripts
