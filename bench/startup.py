"""Start-up as users meet it, each figure beside its baseline, measured in one run.

1. The README's command, `reviewdesk --workspace DIR` (the installed console script, the same start as
   `reviewdesk` with REVIEWDESK_WORKSPACE set), until the login window is on screen, beside a bare PySide6
   window (QApplication + QWidget.show()). The app prints its marker from the event loop once the window is
   visible (`REVIEWDESK_EXIT_WHEN_SHOWN=1`); the baseline prints it the same way. `reviewdesk-gui` and
   `reviewdesk gui` are shown too. Target: ≤ 2.5 × the bare window.
2. `reviewdesk --version` beside a bare interpreter (`python -c pass`). Target: ≤ 0.3 s.
3. `reviewdesk whoami --json` on the workspace beside one Argon2id derivation with the slots' default cost
   (measured in this process), which whoami must pay once. Target: ≤ the derivation + 0.3 s.

Every sample is a fresh process; samples of a figure and its baseline alternate so machine noise hits both
alike; medians count.

    .venv/bin/python bench/startup.py [--runs 9] [--platform offscreen]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

MARKER = "REVIEWDESK-SHOWN"
WINDOW_TARGET = 2.5
VERSION_TARGET = 0.3
WHOAMI_MARGIN = 0.3
PASSWORD = "bench-pass-2026"

BARE = f"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
w = QWidget()
w.resize(520, 360)
w.show()
def announce():
    if w.isVisible():
        print("{MARKER} QWidget", flush=True)
        app.exit(0)
    else:
        QTimer.singleShot(5, announce)
QTimer.singleShot(0, announce)
sys.exit(app.exec())
"""


def until_shown(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith(MARKER):
            elapsed = time.perf_counter() - start
            break
    else:
        proc.wait()
        raise SystemExit(f"no '{MARKER}' from {args!r} (exit code {proc.returncode})")
    proc.wait(timeout=30)
    return elapsed


def until_exit(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=60)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{args!r} failed ({done.returncode}): {done.stderr.strip()}")
    return elapsed


def derivation() -> float:
    from reviewdesk.security.keyslots import DEFAULT_KDF

    start = time.perf_counter()
    DEFAULT_KDF.derive(PASSWORD.encode(), os.urandom(16))
    return time.perf_counter() - start


def make_workspace(folder: Path) -> None:
    from reviewdesk.workspace import Workspace

    opened, _code = Workspace(folder).create("admin", "基准测试", PASSWORD)
    opened.close()


def script(name: str) -> str:
    """The console script pip installed beside this interpreter (what a user types)."""
    found = Path(sys.executable).with_name(name)
    if not found.exists():
        raise SystemExit(f"{found} not found: run with the virtual environment's python, after pip install")
    return str(found)


def alternate(runs: int, *measures: Callable[[], float]) -> list[list[float]]:
    for measure in measures:  # warm the OS file cache; not counted
        measure()
    times: list[list[float]] = [[] for _ in measures]
    for _ in range(runs):
        for bucket, measure in zip(times, measures, strict=True):
            bucket.append(measure())
    return times


def line(label: str, times: list[float]) -> str:
    med = statistics.median(times)
    return f"  {label:<34} {med * 1000:7.0f} ms  ({min(times) * 1000:.0f}–{max(times) * 1000:.0f})"


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument(
        "--platform",
        default=os.environ.get("QT_QPA_PLATFORM") or ("xcb" if os.environ.get("DISPLAY") else "offscreen"),
        help="Qt platform plugin (default: xcb with a DISPLAY, else offscreen)",
    )
    args = parser.parse_args()
    cli, gui = script("reviewdesk"), script("reviewdesk-gui")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "workspace"
        make_workspace(folder)
        env = dict(os.environ, QT_QPA_PLATFORM=args.platform, REVIEWDESK_EXIT_WHEN_SHOWN="1", BENCH_PW=PASSWORD)
        env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")  # default QSettings: Chinese, as shipped
        env.pop("REVIEWDESK_WORKSPACE", None)

        def shown(*argv: str) -> Callable[[], float]:
            return lambda: until_shown(list(argv), env)

        def exits(*argv: str) -> Callable[[], float]:
            return lambda: until_exit(list(argv), env)

        bare, app, app_gui, app_gui_script = alternate(
            args.runs,
            shown(sys.executable, "-c", BARE),
            shown(cli, "--workspace", str(folder)),
            shown(cli, "--workspace", str(folder), "gui"),
            shown(gui, "--workspace", str(folder)),
        )
        python, version = alternate(args.runs, exits(sys.executable, "-c", "pass"), exits(cli, "--version"))
        whoami_cmd = exits(cli, "--workspace", str(folder), "whoami", "--json", "--user", "admin", "--password-env", "BENCH_PW")
        kdf, whoami = alternate(args.runs, derivation, whoami_cmd)

    ratio = statistics.median(app) / statistics.median(bare)
    version_s = statistics.median(version)
    whoami_extra = statistics.median(whoami) - statistics.median(kdf)
    print(f"platform {args.platform}, {args.runs} runs each, medians (min–max)")
    print("login window on screen")
    print(line("bare PySide6 window (baseline)", bare))
    print(line("reviewdesk --workspace DIR", app))
    print(line("reviewdesk --workspace DIR gui", app_gui))
    print(line("reviewdesk-gui --workspace DIR", app_gui_script))
    print(f"  {'ratio (README command / bare)':<34} {ratio:7.2f} ×   (target ≤ {WINDOW_TARGET} ×: {verdict(ratio <= WINDOW_TARGET)})")
    print("command line")
    print(line("python -c pass (baseline)", python))
    print(line("reviewdesk --version", version) + f"   (target ≤ {VERSION_TARGET * 1000:.0f} ms: {verdict(version_s <= VERSION_TARGET)})")
    print(line("Argon2id derivation (baseline)", kdf))
    print(line("reviewdesk whoami --json", whoami))
    print(f"  {'whoami − derivation':<34} {whoami_extra * 1000:7.0f} ms   (target ≤ {WHOAMI_MARGIN * 1000:.0f} ms: {verdict(whoami_extra <= WHOAMI_MARGIN)})")
    return 0 if ratio <= WINDOW_TARGET and version_s <= VERSION_TARGET and whoami_extra <= WHOAMI_MARGIN else 1


if __name__ == "__main__":
    sys.exit(main())
