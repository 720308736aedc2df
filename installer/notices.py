"""Write THIRD-PARTY-NOTICES.txt for the bundle from the installed distributions (reviewdesk/notices.py).

    python installer/notices.py OUT.txt [--exclude NAME ...]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reviewdesk.notices import notices_text


def write_notices(out: Path, exclude: list[str]) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(notices_text(exclude=exclude), encoding="utf-8")
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--exclude", nargs="*", default=[], help="distributions the build leaves out")
    args = parser.parse_args()
    print(write_notices(args.out, args.exclude))
