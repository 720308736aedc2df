"""marks list|add|edit|remove. See docs/reading-room.md.

Notes are confidential: the service gives a mark only to the expert who made it, so this prints nothing of
anyone else's."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reviewdesk.cli.one_line import one_line
from reviewdesk.cli.session import emit_json, open_as_user
from reviewdesk.errors import ValidationError
from reviewdesk.services import reading_marks
from reviewdesk.services.reading_marks import MarkInfo

MAX_NOTE_FILE = 64 * 1024  # bytes: far above 2,000 characters of UTF-8, far below anything worth reading
SHOWN = 40  # characters of the note on a list line


def _note(args: argparse.Namespace) -> str:
    """The note from --note, or read from --note-file (a file or '-', standard input) before the workspace
    opens, so a bad file costs no password prompt."""
    if args.note is not None:
        return args.note
    path = args.note_file
    try:
        if path == "-":
            raw = sys.stdin.buffer.read(MAX_NOTE_FILE + 1)
        else:
            with Path(path).open("rb") as handle:
                raw = handle.read(MAX_NOTE_FILE + 1)
    except OSError as err:
        raise ValidationError(
            "--note-file", f"cannot read {path}: {err.strerror}", message_zh=f"无法读取 {path}"
        ) from None
    if len(raw) > MAX_NOTE_FILE:
        raise ValidationError(
            "--note-file", f"{path} is larger than 64 KiB", message_zh=f"{path} 超过 64 KiB"
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            "--note-file", f"{path} is not UTF-8 text", message_zh=f"{path} 不是 UTF-8 文本"
        ) from None


def _line(m: MarkInfo) -> str:
    note = " ".join(m.note.split())
    note = note if len(note) <= SHOWN else note[:SHOWN] + "…"
    where = f"文件 #{m.document_id} 第{m.page}页" + (f"（{m.reference}）" if m.reference else "")
    return one_line(f"{m.id:>5}  案件 #{m.case_id}  {where}  {note or '（无内容，仅标段落）'}")


def cmd_marks_list(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        marks = reading_marks.my_marks(opened, document_id=args.document, case_ref=args.case)
    if args.json:
        emit_json({"marks": [m.to_json() for m in marks]})
        return 0
    for m in marks:
        print(_line(m))
    if not marks:
        print("no reading marks / 没有标注")
    return 0


def cmd_marks_add(args: argparse.Namespace) -> int:
    note = _note(args)
    with open_as_user(args) as opened:
        mark = reading_marks.add_mark(opened, args.document, args.page, note, args.passage)
    if args.json:
        emit_json(mark.to_json())
    else:
        print(f"mark {mark.id} saved on page {mark.page} / 已标注第{mark.page}页（标注 {mark.id}）")
    return 0


def cmd_marks_edit(args: argparse.Namespace) -> int:
    note = _note(args)
    with open_as_user(args) as opened:
        mark = reading_marks.update_mark(opened, args.mark_id, note)
    if args.json:
        emit_json(mark.to_json())
    else:
        print(f"mark {mark.id} updated / 标注 {mark.id} 已修改")
    return 0


def cmd_marks_remove(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        reading_marks.remove_mark(opened, args.mark_id)
    if args.json:
        emit_json({"removed": args.mark_id})
    else:
        print(f"mark {args.mark_id} removed / 标注 {args.mark_id} 已删除")
    return 0
