"""Time from process start to the login window on screen, beside a bare PySide6 window, in one run.

Each sample spawns a fresh Python process and measures wall time until the child prints its "shown" marker
(the app: `REVIEWDESK_EXIT_WHEN_SHOWN=1`, printed from the event loop once the login window is visible; the
baseline: QApplication + QWidget.show(), marker printed the same way). Interpreter start-up is in both.
Samples alternate between the two so machine noise hits both alike; medians count.

    /work/venv/bin/python bench/startup.py [--runs 9] [--platform offscreen]

Target: app ≤ 2.5 × bare.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MARKER = "REVIEWDESK-SHOWN"
TARGET = 2.5

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


def sample(args: list[str], env: dict[str, str]) -> float:
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


def make_workspace(folder: Path) -> None:
    from reviewdesk.workspace import Workspace

    opened, _code = Workspace(folder).create("admin", "基准测试", "bench-pass-2026")
    opened.close()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument(
        "--platform",
        default=os.environ.get("QT_QPA_PLATFORM") or ("xcb" if os.environ.get("DISPLAY") else "offscreen"),
        help="Qt platform plugin (default: xcb with a DISPLAY, else offscreen)",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "workspace"
        make_workspace(folder)
        env = dict(os.environ, QT_QPA_PLATFORM=args.platform, REVIEWDESK_EXIT_WHEN_SHOWN="1")
        env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")  # default QSettings: Chinese, as shipped
        app_cmd = [sys.executable, "-m", "ui", "--workspace", str(folder)]
        bare_cmd = [sys.executable, "-c", BARE]
        sample(app_cmd, env), sample(bare_cmd, env)  # warm the OS file cache; not counted
        app_times: list[float] = []
        bare_times: list[float] = []
        for _ in range(args.runs):
            bare_times.append(sample(bare_cmd, env))
            app_times.append(sample(app_cmd, env))

    bare, app = statistics.median(bare_times), statistics.median(app_times)
    ratio = app / bare
    print(f"platform {args.platform}, {args.runs} runs each, medians (min–max)")
    print(
        f"  bare PySide6 window   {bare * 1000:7.0f} ms  ({min(bare_times) * 1000:.0f}–{max(bare_times) * 1000:.0f})"
    )
    print(
        f"  ReviewDesk login      {app * 1000:7.0f} ms  ({min(app_times) * 1000:.0f}–{max(app_times) * 1000:.0f})"
    )
    print(
        f"  ratio                 {ratio:7.2f} ×   (target ≤ {TARGET} ×: {'met' if ratio <= TARGET else 'NOT met'})"
    )
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
