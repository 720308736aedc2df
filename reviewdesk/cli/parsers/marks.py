"""Arguments of marks list|add|edit|remove: an expert's own reading marks (私人标注). See docs/reading-room.md.

Declarations only: the code is reviewdesk.cli.commands.marks, imported when one of these commands runs.
"""

from __future__ import annotations

import argparse

from reviewdesk.cli.options import runs


def _note(p: argparse.ArgumentParser) -> None:
    note = p.add_mutually_exclusive_group(required=True)
    note.add_argument("--note", metavar="TEXT", help="the note (at most 2,000 characters)")
    note.add_argument(
        "--note-file", metavar="FILE", help="read the note from a UTF-8 text file ('-': standard input)"
    )


def register(sub: argparse._SubParsersAction) -> None:
    marks = sub.add_parser(
        "marks", help="your reading marks (私人标注) on case documents (experts; only your own)"
    ).add_subparsers(dest="marks_command", metavar="ACTION", required=True)
    p = marks.add_parser("list", help="your marks, by document and page")
    p.add_argument("--case", metavar="EXT_ID", help="only this case (store id or external id)")
    p.add_argument("--document", type=int, metavar="ID", help="only this document (its id, as in `cases show`)")
    runs(p, "marks", "cmd_marks_list")
    p = marks.add_parser("add", help="mark a page of a document of one of your cases")
    p.add_argument("--document", type=int, required=True, metavar="ID", help="the document's id (`cases show`)")
    p.add_argument("--page", type=int, required=True, metavar="N", help="the file's page, from 1")
    _note(p)
    p.add_argument("--passage", default="", metavar="TEXT", help="the marked passage (at most 2,000 characters)")
    runs(p, "marks", "cmd_marks_add")
    p = marks.add_parser("edit", help="replace the note of one of your marks")
    p.add_argument("mark_id", type=int, metavar="MARK_ID")
    _note(p)
    runs(p, "marks", "cmd_marks_edit")
    p = marks.add_parser("remove", help="delete one of your marks")
    p.add_argument("mark_id", type=int, metavar="MARK_ID")
    runs(p, "marks", "cmd_marks_remove")
