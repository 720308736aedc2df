"""ocr run|status. See docs/reading-room.md."""

from __future__ import annotations

import argparse
import sys

from reviewdesk.cli.session import emit_json, open_as_user
from reviewdesk.errors import ValidationError
from reviewdesk.services import ocr


def _progress(p: ocr.RunProgress) -> None:
    if sys.stderr.isatty():
        sys.stderr.write(f"\r正在识别 {p.file}/{p.files} 份文件，第 {p.page}/{p.pages} 页 ")
        sys.stderr.flush()


def cmd_ocr_run(args: argparse.Namespace) -> int:
    if not 1 <= args.threads <= 64:
        raise ValidationError("--threads", "must be from 1 to 64", message_zh="线程数须为 1 至 64")
    with open_as_user(args) as opened:
        result = ocr.run(opened, args.case, progress=_progress, threads=args.threads)
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    if args.json:
        emit_json(result.to_json())
    else:
        print(
            f"{result.documents} document(s), {result.pages} page(s) recognised / 已识别 {result.documents} 份文件 {result.pages} 页"
        )
        for job in result.failed:
            print(f"  failed / 未能识别: 文件 #{job.document_id} {job.title}: {job.error}")
    return 1 if result.failed else 0


def cmd_ocr_status(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        jobs = ocr.status(opened, args.case)
    if args.json:
        emit_json({"jobs": [j.to_json() for j in jobs]})
        return 0
    for j in jobs:
        pages = f"{j.pages_done}/{j.pages}" if j.pages else f"{j.pages_done}"
        line = f"{j.state:8} {j.case_external_id}  文件 #{j.document_id} {j.title}  {pages} 页"
        print(line + (f"  ({j.error})" if j.error else ""))
    if not jobs:
        print("the OCR queue is empty / 识别队列为空")
    return 0
