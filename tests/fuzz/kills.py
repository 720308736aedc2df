"""kill -9 at a random (seeded) moment of a CLI action, then check that nothing is lost or half-done.

Actions: case package import, opinion batch, results export, results import, password change, rekey,
backup and restore, each run as `python -m reviewdesk …` in its own process on a fresh copy of a world
(the demo workspace plus a signed case package and a results package made from it). After the kill the
workspace is opened as the app would open it, and the harness checks:
  - it opens with the right password (for passwd: exactly one of the old and the new one works);
  - `audit verify` is ok and `PRAGMA integrity_check` says ok;
  - no in-between state: the change is wholly there or wholly absent (cases of the package, received results,
    the restored or the current content, a chosen output file that is a whole backup or package or absent);
  - after the action is run again to the end, no temporary file is left beside its output or in the workspace;
  - no plaintext: no file in the workspace or beside a backup starts as an unencrypted SQLite database or
    holds a marker text that only the package's documents contain.

`campaign(seed, count, workdir)` is what bench/reliability.py runs; tests/test_kill9.py runs a few.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

KIND = "kills"
ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "demo-2026"
NEW_PASSWORD = "changed-pass-2026"
ADMIN = "admin"
MARKER = "标记文本-MARKER-4b1d"  # only inside the package's documents (tests/packaging.py)
ACTIONS = ("import", "opinion-batch", "results-export", "results-import", "passwd", "rekey", "backup", "restore")
KNOWN_IN_WORKSPACE = {"reviewdesk.db", "reviewdesk.db-journal", "keyslots.json", "login-throttle.json", "reviewdesk.lock",
                      "login-throttle.json.lock", "backups", ".reviewdesk-demo"}
# Seconds within which the kill moment is drawn when not calibrated (an action's length on an idle machine).
DEFAULT_TIMINGS = dict.fromkeys(ACTIONS, 4.0)


@dataclass
class World:
    template: Path  # the demo workspace, with the office key trusted
    package: Path  # a signed case package for this workspace
    package_cases: list[str]
    results: Path  # a results package exported from this workspace
    backup: Path  # a backup of the template (restore source)
    recipient: str


def build_world(folder: Path, template: Path | None = None) -> World:
    """Everything the actions need, made once (in-process)."""
    from reviewdesk.demo import DEMO_CAMPAIGN, create_demo
    from reviewdesk.services import keys, maintenance, results
    from reviewdesk.workspace import Workspace
    from tests.packaging import age, assemble, new_office_key, sample_contents

    folder.mkdir(parents=True, exist_ok=True)
    ws_folder = folder / "template"
    if template is not None:
        shutil.copytree(template, ws_folder)
    else:
        create_demo(ws_folder)
    office = new_office_key()
    with Workspace(ws_folder).open(ADMIN, PASSWORD) as ws:
        keys.trust_issuer(ws, office.public_key_text("office key"), "某省委政法委执法监督处")
        recipient = keys.recipient(ws)
        contents = sample_contents(12, with_marker=True)
        contents.manifest["campaign"] = {"id": "2026-KILL-01", "name": "断电测试评查"}
        package = assemble(contents, folder / "cases.rdpkg", signer=office, recipients=[age.Recipient.from_str(recipient)])
        results.export_results(ws, DEMO_CAMPAIGN, [recipient], folder / "results.rdpkg")
        backup = maintenance.backup(ws, folder / "world.rdbak")
    return World(ws_folder, package, [c["id"] for c in contents.manifest["cases"]], folder / "results.rdpkg",
                 backup, recipient)


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "REVIEWDESK_DEBUG"}
    env.update({"RD_PW": PASSWORD, "RD_NEW": NEW_PASSWORD})
    return env


def _command(action: str, world: World, ws: Path, out: Path, password_var: str = "RD_PW") -> list[str]:
    from reviewdesk.demo import DEMO_CAMPAIGN

    auth = ["--user", ADMIN, "--password-env", password_var]
    args = {
        "import": ["import", str(world.package)],
        "opinion-batch": ["opinion", "batch", "--campaign", DEMO_CAMPAIGN, "--out", str(out)],
        "results-export": ["export", "results", "--campaign", DEMO_CAMPAIGN, "--recipient", world.recipient,
                           "--out", str(out / "results.rdpkg")],
        "results-import": ["results", "import", str(world.results), "--allow-unsigned"],
        "passwd": ["user", "passwd", "--new-password-env", "RD_NEW"],
        "rekey": ["rekey"],
        "backup": ["backup", str(out / "b.rdbak")],
        "restore": ["restore", str(world.backup), "--yes"],
    }[action]
    return [sys.executable, "-m", "reviewdesk", "--workspace", str(ws), *args, *auth]


def _run(cmd: list[str], kill_after: float | None) -> tuple[bool, int, float]:
    """Run; kill -9 after `kill_after` seconds (if still running). Returns (killed, peak RSS KiB, seconds)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=_env(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    killed = False
    if kill_after is not None:
        deadline = start + kill_after
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.002)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            killed = True
    if proc.returncode is None:
        _pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        rss = int(usage.ru_maxrss)
    else:
        rss = 0
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if not killed and proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[3:6])}: exit {proc.returncode}: {err.strip()}")
    return killed, rss, time.monotonic() - start


def _state(ws_folder: Path, world: World, password: str) -> dict[str, Any]:
    """Open as the app does and read what the checks compare."""
    from reviewdesk.services import audit
    from reviewdesk.store.engine import raw_connect
    from reviewdesk.workspace import Workspace

    with Workspace(ws_folder).open(ADMIN, password) as ws:
        verified = audit.verify(ws)
        conn = raw_connect(ws.workspace.db_path, ws.data_key)
        try:
            integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
            marks = ",".join("?" * len(world.package_cases))
            cases = conn.execute(f"SELECT count(*) FROM cases WHERE external_id IN ({marks})", world.package_cases).fetchone()[0]
            received = conn.execute("SELECT count(*) FROM received_results").fetchone()[0]
            users = conn.execute("SELECT count(*) FROM users").fetchone()[0]
        finally:
            conn.close()
    return {"audit_ok": verified.ok, "integrity": integrity, "cases": cases, "received": received, "users": users}


def _which_password(ws_folder: Path) -> list[str]:
    from reviewdesk.errors import AuthError
    from reviewdesk.workspace import Workspace

    works = []
    for pw in (PASSWORD, NEW_PASSWORD):
        try:
            Workspace(ws_folder).open(ADMIN, pw).close()
            works.append(pw)
        except AuthError:
            pass
        # the throttle counts the wrong one; a check must not lock the next out
        (ws_folder / "login-throttle.json").unlink(missing_ok=True)
    return works


def _temporaries(folder: Path) -> list[str]:
    """Temporary-looking names; the workspace's own journal counts only when not empty (in TRUNCATE
    journal mode SQLite keeps the file, empty, between transactions)."""
    if not folder.exists():
        return []
    return sorted(p.name for p in folder.iterdir()
                  if p.name != ".reviewdesk-demo" and (p.name.startswith(".") or p.name.endswith((".partial", ".tmp", "-wal"))
                  or (p.name.endswith("-journal") and p.stat().st_size > 0)))


def _plaintext(folders: list[Path]) -> list[str]:
    found = []
    marker = MARKER.encode("utf-8")
    for folder in folders:
        for path in folder.rglob("*") if folder.exists() else []:
            if not path.is_file():
                continue
            data = path.read_bytes()
            if data.startswith(b"SQLite format 3\x00") or marker in data:
                found.append(str(path))
    return found


def _output_whole(action: str, out: Path) -> str | None:
    """The chosen output after a kill: absent, or whole."""
    from reviewdesk.store import backup

    if action == "backup" and (out / "b.rdbak").exists():
        try:
            backup.read_backup(out / "b.rdbak")
        except Exception as err:
            return f"backup file present but not whole: {err}"
    if action == "results-export" and (out / "results.rdpkg").exists():
        from reviewdesk.packages.parts import part_paths

        try:
            part_paths(out / "results.rdpkg")
        except Exception as err:
            return f"results package present but parts incomplete: {err}"
    return None


def trial(rng: random.Random, action: str, world: World, workdir: Path, timings: dict[str, float],
          n: int) -> tuple[list[str], int, bool]:
    ws = workdir / f"t{n}" / "ws"
    out = workdir / f"t{n}" / "out"
    out.mkdir(parents=True)
    shutil.copytree(world.template, ws)
    before = _state(ws, world, PASSWORD)
    kill_after = rng.uniform(0.0, timings[action])
    killed, rss, _secs = _run(_command(action, world, ws, out), kill_after)
    problems: list[str] = []
    passwords = _which_password(ws)
    if len(passwords) != 1 or (action != "passwd" and passwords != [PASSWORD]):
        problems.append(f"opens with {passwords or 'no password'}")
        return problems, rss, killed
    password = passwords[0]
    after = _state(ws, world, password)
    if not after["audit_ok"]:
        problems.append("audit verify fails")
    if after["integrity"] != "ok":
        problems.append(f"integrity_check: {after['integrity']}")
    if after["cases"] not in (before["cases"], len(world.package_cases)):
        problems.append(f"import half-done: {after['cases']} of {len(world.package_cases)} cases")
    if (whole := _output_whole(action, out)) is not None:
        problems.append(whole)
    problems += [f"plaintext: {p}" for p in _plaintext([ws, out] if action not in ("opinion-batch",) else [ws])]
    # Run the action again to its end: it must work after the crash and leave no temporary file behind.
    if action in ("results-export",) and (out / "results.rdpkg").exists():
        shutil.rmtree(out)
        out.mkdir()
    var = "RD_NEW" if password == NEW_PASSWORD else "RD_PW"
    if action != "passwd" or password == PASSWORD:
        try:
            _run(_command(action, world, ws, out, var), None)
        except RuntimeError as err:
            if not (action in ("import", "results-import") and "already" in str(err)):
                problems.append(f"re-run after the kill fails: {err}")
    problems += [f"leftover beside output: {name}" for name in _temporaries(out)]
    problems += [f"leftover in workspace: {name}" for name in _temporaries(ws)]
    unknown = sorted(p.name for p in ws.iterdir() if p.name not in KNOWN_IN_WORKSPACE
                     and not p.name.startswith("replaced-") and p.name not in _temporaries(ws))
    problems += [f"unexpected file in workspace: {name}" for name in unknown]
    if not killed:
        problems = [f"(not killed: finished first) {p}" for p in problems]
    shutil.rmtree(workdir / f"t{n}", ignore_errors=True)
    return problems, rss, killed


def _calibrate(world: World, workdir: Path) -> dict[str, float]:
    """How long each action takes here, uninterrupted (the kill moment is drawn within it)."""
    timings = {}
    for action in ACTIONS:
        ws, out = workdir / "cal" / action / "ws", workdir / "cal" / action / "out"
        out.mkdir(parents=True)
        shutil.copytree(world.template, ws)
        _killed, _rss, secs = _run(_command(action, world, ws, out), None)
        timings[action] = secs
    shutil.rmtree(workdir / "cal", ignore_errors=True)
    return timings


def campaign(seed: int, count: int, workdir: Path, template: Path | None = None,
             log: Callable[[str], None] | None = None, calibrate: bool = False) -> dict[str, Any]:
    """`count` kills with moments drawn from `seed`. `calibrate` first times each action uninterrupted and
    draws the moment within that time (bench); otherwise within DEFAULT_TIMINGS."""
    rng = random.Random(seed)
    workdir.mkdir(parents=True, exist_ok=True)
    world = build_world(workdir / "world", template)
    timings = _calibrate(world, workdir) if calibrate else dict(DEFAULT_TIMINGS)
    result: dict[str, Any] = {"tried": 0, "passed": 0, "failed": 0, "peak_rss_kib": 0, "failures": [],
                              "worst": None, "timings": timings, "by_action": {}, "killed": 0}
    order: list[str] = []
    while len(order) < count:  # every action in turn, in a seeded order
        order += rng.sample(ACTIONS, len(ACTIONS))
    for n, action in enumerate(order[:count]):
        problems, rss, killed = trial(rng, action, world, workdir, timings, n)
        result["tried"] += 1
        result["killed"] += killed
        stats = result["by_action"].setdefault(action, {"tried": 0, "failed": 0, "killed": 0})
        stats["tried"] += 1
        stats["killed"] += killed
        if rss > result["peak_rss_kib"]:
            result["peak_rss_kib"], result["worst"] = rss, action
        if problems:
            result["failed"] += 1
            stats["failed"] += 1
            result["failures"].append({"trial": n, "action": action, "problems": problems})
        else:
            result["passed"] += 1
        if log is not None:
            outcome = "ok" if not problems else "; ".join(problems)
            log(f"kill {n + 1}/{count} {action} ({'killed' if killed else 'finished first'}): {outcome}")
    return result
