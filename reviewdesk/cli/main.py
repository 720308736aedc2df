"""Entry point: argument parsing, dispatch, and the one-line error contract (docs/cli.md)."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from reviewdesk.cli.parsers import build_parser
from reviewdesk.errors import ReviewDeskError

__all__ = ["build_parser", "main"]

INTERNAL_ERROR = 70


def _message(err: ReviewDeskError) -> str:
    return err.message_zh if os.environ.get("REVIEWDESK_LANG", "").lower().startswith("zh") else err.message


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command in (None, "gui"):
        from reviewdesk.cli.commands.gui import open_gui

        return open_gui(args.workspace)
    try:
        return int(args.func(args) or 0)
    except ReviewDeskError as err:
        print(f"reviewdesk: error: {_message(err)}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("reviewdesk: cancelled", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into `head` and the like: the reader left, which is not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as err:
        if os.environ.get("REVIEWDESK_DEBUG"):
            raise
        print(
            f"reviewdesk: internal error ({type(err).__name__}). "
            "Run again with REVIEWDESK_DEBUG=1 for details.",
            file=sys.stderr,
        )
        return INTERNAL_ERROR


if __name__ == "__main__":
    raise SystemExit(main())
