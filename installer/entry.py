"""The frozen program's entry point, for both executables of the one-folder build.

ReviewDesk.exe (windowed) opens the desktop app with its arguments (`ReviewDesk.exe PATH.rdpkg` from the file
association); reviewdesk-cli.exe (console) is the CLI of docs/cli.md. Either runs the build's self-check with
`--smoke-test` (ui/smoke_test.py).
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    argv = sys.argv[1:]
    if argv[:1] == ["--smoke-test"]:
        from ui.smoke_test import run

        return run()
    if Path(sys.executable).stem.lower().endswith("-cli"):
        from reviewdesk.cli.main import main as cli

        return cli(argv)
    from ui.app import main as gui

    return gui(argv)


if __name__ == "__main__":
    sys.exit(main())
