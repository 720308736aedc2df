"""opinion export|batch, records export, report campaign, ledger. See docs/documents.md."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reviewdesk.cli.session import emit_json, open_as_user
from reviewdesk.documents.profile import Profile, load_profile
from reviewdesk.errors import ValidationError
from reviewdesk.security.atomic import write_atomic
from reviewdesk.services import documents


def _profile(args: argparse.Namespace) -> Profile:
    return load_profile(Path(args.profile) if args.profile else None)


def _out_file(path: str) -> Path:
    out = Path(path)
    if out.is_dir():
        raise ValidationError("--out", f"{out} is a folder; give a file name", message_zh=f"{out} 是文件夹，请给出文件名")
    if not out.parent.is_dir():
        raise ValidationError("--out", f"folder {out.parent} does not exist", message_zh=f"文件夹 {out.parent} 不存在")
    return out


def _out_dir(path: str) -> Path:
    out = Path(path)
    if not out.is_dir():
        raise ValidationError("--out", f"{out} is not an existing folder", message_zh=f"{out} 不是已有的文件夹")
    return out


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        sys.stderr.write(f"\r{done}/{total}")
        sys.stderr.flush()
        if done == total:
            sys.stderr.write("\n")


def _file_json(r: documents.Rendered, path: Path) -> dict[str, object]:
    return {"case": r.case_external_id, "kind": r.kind, "number": r.number, "path": str(path),
            "media_type": r.media_type, "size": len(r.data)}


def cmd_opinion_export(args: argparse.Namespace) -> int:
    out = _out_file(args.out)
    profile = _profile(args)
    with open_as_user(args) as opened:
        rendered = documents.render_opinion(opened, args.case, args.format, args.campaign, profile)
    write_atomic(out, rendered.data)
    if args.json:
        emit_json(_file_json(rendered, out))
    else:
        print(f"{rendered.number}\t{out}\t{len(rendered.data):,} bytes")
    return 0


def cmd_opinion_batch(args: argparse.Namespace) -> int:
    folder = _out_dir(args.out)
    formats = documents.FORMATS if args.format == "both" else (args.format,)
    profile = _profile(args)
    with open_as_user(args) as opened:
        result = documents.batch_opinions(opened, args.campaign, folder, formats, _progress, profile)
    if args.json:
        emit_json(result.to_json())
    else:
        print(f"{len(result.files)} file(s) written to {folder}")
        if result.skipped:
            print(f"not concluded yet / 尚未合议 ({len(result.skipped)}): {', '.join(result.skipped)}")
    return 0


def cmd_records_export(args: argparse.Namespace) -> int:
    folder = _out_dir(args.out)
    profile = _profile(args)
    with open_as_user(args) as opened:
        files = documents.render_records(opened, args.case, args.kind, args.format, args.campaign, profile)
    paths = []
    for r in files:
        write_atomic(folder / r.filename, r.data)
        paths.append(folder / r.filename)
    if args.json:
        emit_json([_file_json(r, p) for r, p in zip(files, paths, strict=True)])
    else:
        for p in paths:
            print(p)
        if not files:
            print("nothing to print / 没有可打印的记录")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from reviewdesk.services import reports

    out = _out_file(args.out)
    fmt = args.format or ("pdf" if out.suffix.lower() == ".pdf" else "docx")
    profile = _profile(args)
    with open_as_user(args) as opened:
        doc = reports.campaign_report_document(opened, args.campaign, profile)
    data = documents.render(doc, fmt, profile)
    write_atomic(out, data)
    if args.json:
        emit_json({"campaign": args.campaign, "path": str(out), "format": fmt, "size": len(data)})
    else:
        print(f"{out}\t{len(data):,} bytes")
    return 0


def cmd_ledger(args: argparse.Namespace) -> int:
    from reviewdesk.services import reports

    out = _out_file(args.out)
    with open_as_user(args) as opened:
        data = reports.ledger(opened, args.campaign)
    write_atomic(out, data)
    if args.json:
        emit_json({"campaign": args.campaign, "path": str(out), "size": len(data)})
    else:
        print(f"{out}\t{len(data):,} bytes")
    return 0




