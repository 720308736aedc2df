"""The CLI's one-line error contract (docs/cli.md): every failure is one line on stderr, whatever the data."""

from __future__ import annotations

import argparse
import os
from typing import NoReturn

from reviewdesk.errors import ReviewDeskError
from reviewdesk.packages.oneline import escape


def _chinese() -> bool:
    return os.environ.get("REVIEWDESK_LANG", "").lower().startswith("zh")


def message(err: ReviewDeskError) -> str:
    if not _chinese():
        return err.message
    return f"{err.message_zh}（{err.detail}）" if err.detail else err.message_zh


def one_line(text: str) -> str:
    """Newlines and every other non-printable character (C0, DEL, C1, separators, bidi controls) escaped, so
    data echoed in a message can neither break the one-line contract nor send terminal escapes."""
    return escape(text.replace("\t", " "))


def error_line(err: ReviewDeskError) -> str:
    """The one stderr line for an error. A spreadsheet import's list of problems (one a line) is summed up:
    the count, the first problem, and where to find them all (`--json`, or the GUI's error table)."""
    problems = getattr(err, "problems", None)
    if problems and "\n" in message(err):  # a sheet reader's list, one problem a line; a joined list stays whole
        zh = _chinese() and err.message_zh != err.message
        count = len(problems) + int(getattr(err, "more", 0) or 0)
        where = getattr(err, "field", "the file")
        if zh:
            lines = err.message_zh.split("\n")
            first = lines[1] if len(lines) > 1 else str(problems[0])
            text = f"{where} 中有 {count} 处问题，未导入任何内容；第一处：{first}；全部问题请用 --json 查看"
        else:
            text = f"{count} problem(s) in {where}, nothing was imported; first: {problems[0]}; use --json for all"
        return "reviewdesk: error: " + one_line(text)
    return "reviewdesk: error: " + one_line(message(err))


class OneLineParser(argparse.ArgumentParser):
    """Usage errors keep the one-line contract too (argparse prints the usage first by default); subcommand
    parsers inherit the class."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {one_line(message)} (see {self.prog} --help)\n")
