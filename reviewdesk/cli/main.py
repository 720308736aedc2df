"""Entry point: argument parsing, dispatch, and the one-line error contract (docs/cli.md)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from reviewdesk.cli.one_line import error_line, one_line
from reviewdesk.errors import ReviewDeskError, ValidationError
from reviewdesk.safe_json import has_lone_surrogate

__all__ = ["build_parser", "main", "one_line"]

INTERNAL_ERROR = 70


def build_parser() -> argparse.ArgumentParser:
    from reviewdesk.cli import parsers

    return parsers.build_parser()


def _gui_request(argv: Sequence[str]) -> tuple[bool, str | None]:
    """(True, workspace) for `reviewdesk [--workspace DIR] [gui]`: the desktop app starts without the whole
    argparse tree being built (a fifth of its start-up). Anything else, --help included, goes to the tree."""
    quick = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    quick.add_argument("--workspace")
    quick.add_argument("command", nargs="?", choices=["gui"])
    try:
        args, unknown = quick.parse_known_args(list(argv))
    except argparse.ArgumentError:
        return False, None
    gui_last = args.command is None or list(argv)[-1] == "gui"  # `gui` takes no options of its own
    return not unknown and gui_last, args.workspace


def main(argv: Sequence[str] | None = None) -> int:
    for arg in sys.argv[1:] if argv is None else argv:
        if has_lone_surrogate(arg):  # bytes that are not UTF-8 arrive as lone surrogates (surrogateescape)
            print("reviewdesk: error: an argument is not valid UTF-8 text", file=sys.stderr)
            return ValidationError.exit_code
    gui, workspace = _gui_request(sys.argv[1:] if argv is None else argv)
    file = None
    if not gui:
        args = build_parser().parse_args(argv)
        gui, workspace = args.command in (None, "gui"), args.workspace
        file = getattr(args, "file", None)
    if gui:
        from reviewdesk.cli.commands.gui import open_gui

        return open_gui(workspace, file=file)
    from reviewdesk import logs

    logs.setup("cli")
    logs.events.info("command %s", args.command)
    try:
        return int(args.func(args) or 0)
    except ReviewDeskError as err:
        logs.events.info("command %s refused: %s", args.command, err.code)
        print(error_line(err), file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("reviewdesk: cancelled", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into `head` and the like: the reader left, which is not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as err:
        logs.log_unexpected(err, f"command {args.command}")
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
