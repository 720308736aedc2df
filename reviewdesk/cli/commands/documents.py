"""opinion export|batch, records export, report campaign, ledger. See docs/documents.md."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reviewdesk.cli.options import add_auth, add_json
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


def _common(p: argparse.ArgumentParser, profile: bool = True) -> None:
    if profile:
        p.add_argument("--profile", metavar="FILE.json",
                       help="office profile (letterhead, number prefix, wording); default resources/documents/office.json")
    add_auth(p)
    add_json(p)


def register(sub: argparse._SubParsersAction) -> None:
    opinion = sub.add_parser("opinion", help="review opinions (评查意见书)").add_subparsers(
        dest="opinion_command", metavar="ACTION", required=True)
    p = opinion.add_parser("export", help="one case's opinion as .docx or .pdf (admin or the panel leader)")
    p.add_argument("--case", required=True, help="case id (store id or external id)")
    p.add_argument("--campaign", help="campaign id (needed when the case is in several)")
    p.add_argument("--format", required=True, choices=documents.FORMATS)
    p.add_argument("--out", required=True, metavar="FILE")
    _common(p)
    p.set_defaults(func=cmd_opinion_export)

    p = opinion.add_parser("batch", help="every concluded case's opinion into a folder (admin)")
    p.add_argument("--campaign", required=True)
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--format", default="both", choices=[*documents.FORMATS, "both"])
    _common(p)
    p.set_defaults(func=cmd_opinion_batch)

    records = sub.add_parser("records", help="print versions of score sheets, recusal form, interview records")
    actions = records.add_subparsers(dest="records_command", metavar="ACTION", required=True)
    p = actions.add_parser("export", help="write a case's records of one kind into a folder")
    p.add_argument("--case", required=True)
    p.add_argument("--campaign")
    p.add_argument("--kind", required=True, choices=documents.RECORD_KINDS)
    p.add_argument("--format", required=True, choices=documents.FORMATS)
    p.add_argument("--out", required=True, metavar="DIR")
    _common(p)
    p.set_defaults(func=cmd_records_export)

    report = sub.add_parser("report", help="campaign reports").add_subparsers(
        dest="report_command", metavar="ACTION", required=True)
    p = report.add_parser("campaign", help="the campaign summary report with statistics tables and charts")
    p.add_argument("--campaign", required=True)
    p.add_argument("--out", required=True, metavar="FILE", help=".docx (default) or .pdf")
    p.add_argument("--format", choices=documents.FORMATS, help="default: from the file name, else docx")
    _common(p)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("ledger", help="the campaign's Excel ledgers (cases, problems, scores, statistics)")
    p.add_argument("--campaign", required=True)
    p.add_argument("--out", required=True, metavar="FILE.xlsx")
    _common(p, profile=False)
    p.set_defaults(func=cmd_ledger)
