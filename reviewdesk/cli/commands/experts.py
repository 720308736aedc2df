"""experts template|import|list|show|set, registry template|import|list (see docs/experts.md)."""

from __future__ import annotations

import argparse
from pathlib import Path

from reviewdesk.cli.session import emit_json, open_as_user
from reviewdesk.errors import ValidationError
from reviewdesk.experts.sheet import SheetErrors
from reviewdesk.experts.upsert import ExpertImportReport
from reviewdesk.services import experts, registry


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as err:
        raise ValidationError("FILE", f"cannot read {path}: {err.strerror}", message_zh=f"无法读取 {path}") from None


def _write(path: str, data: bytes) -> int:
    try:
        Path(path).write_bytes(data)
    except OSError as err:
        raise ValidationError("OUT", f"cannot write {path}: {err.strerror}", message_zh=f"无法写入 {path}") from None
    print(f"Template written to {path}")
    return 0


def _sheet_errors(err: SheetErrors, as_json: bool) -> None:
    if as_json:
        emit_json({"ok": False, "errors": [p.to_json() for p in err.problems], "more_errors": err.more})


def cmd_template(args: argparse.Namespace) -> int:
    return _write(args.out, experts.template())


def cmd_import(args: argparse.Namespace) -> int:
    data = _read(args.file)
    with open_as_user(args) as opened:
        try:
            report = experts.import_experts(opened, data, Path(args.file).name, dry_run=args.dry_run)
        except SheetErrors as err:
            _sheet_errors(err, args.json)
            raise
    if args.json:
        emit_json({"ok": True, **report.to_json()})
    else:
        print_report(report)
    return 0


def print_report(report: ExpertImportReport) -> None:
    c = report.counts()
    head = "Dry run (nothing written)" if report.dry_run else "Imported"
    print(f"{head}: {c['added']} added, {c['changed']} changed, {c['unchanged']} unchanged, "
          f"{c['not_in_file']} not in file; units {c['units_added']} added, {c['units_changed']} changed.")
    for x in report.added:
        print(f"+ {x.external_id}\t{x.name}")
    for x in report.changed:
        print(f"~ {x.external_id}\t{x.name}")
        for f in x.changes:
            print(f"    {f.field}: {f.old} → {f.new}")
    for u in report.units:
        print(f"{'+' if u.added else '~'} unit {u.code}" + "".join(f"\n    {f.field}: {f.old} → {f.new}" for f in u.changes))
    if report.not_in_file:
        print("Not in file (kept): " + ", ".join(report.not_in_file))


def cmd_list(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        rows = experts.list_experts(opened)
    if args.json:
        emit_json([r.to_json() for r in rows])
    else:
        for r in rows:
            flag = "" if r.available else "\t(unavailable)"
            print(f"{r.external_id}\t{r.name}\t{r.profession}\t{r.unit_name}\t{r.region_code}\t{','.join(r.specialties)}{flag}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        d = experts.expert_detail(opened, args.ref)
    if args.json:
        emit_json(d.to_json())
        return 0
    r = d.row
    print(f"{r.external_id} (id {r.id})\t{r.name}\t{r.profession}\t{r.unit_code} {r.unit_name}\t{r.region_code}")
    print(f"specialties: {','.join(r.specialties) or '—'}\ttags: {'、'.join(r.tags) or '—'}")
    print(f"available: {'yes' if r.available else 'no'} {r.availability_note}\tmax load: {r.max_load or '—'}\taccount: {d.account or '—'}")
    for rel in d.relations:
        print(f"relation: {rel.kind}\t{rel.name}\t{rel.unit_code or ''}\t{rel.note}")
    for f in d.former_units:
        print(f"former unit: {f.unit_code}\t{f.unit_name or ''}\tuntil {f.until or '?'}")
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    if args.available is None and args.note is None and args.max_load is None and args.tags is None and args.account is None:
        raise ValidationError("set", "nothing to change: give --available, --note, --max-load, --tags or --account",
                              message_zh="未指定要修改的内容")
    with open_as_user(args) as opened:
        if args.available is not None or args.note is not None or args.max_load is not None:
            current = experts.expert_detail(opened, args.ref).row
            available = current.available if args.available is None else args.available == "yes"
            note = current.availability_note if args.note is None else args.note
            experts.set_availability(opened, args.ref, available, note, args.max_load)
        if args.tags is not None:
            experts.set_tags(opened, args.ref, [t for t in args.tags.replace("，", ",").split(",")])
        if args.account is not None:
            experts.link_account(opened, args.ref, args.account.strip() or None)
        detail = experts.expert_detail(opened, args.ref)
    if args.json:
        emit_json(detail.to_json())
    else:
        print(f"Expert {detail.row.external_id} updated.")
    return 0


def cmd_registry_template(args: argparse.Namespace) -> int:
    return _write(args.out, registry.template())


def cmd_registry_import(args: argparse.Namespace) -> int:
    data = _read(args.file)
    with open_as_user(args) as opened:
        try:
            result = registry.import_registry(opened, data, Path(args.file).name)
        except SheetErrors as err:
            _sheet_errors(err, args.json)
            raise
    if args.json:
        emit_json({"ok": True, **result.to_json()})
    else:
        print(f"Registry replaced: {result.companies} companies, {result.holders} shareholders/officers "
              f"(before: {result.replaced_companies}, {result.replaced_holders}).")
    return 0


def cmd_registry_list(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        s = registry.registry_summary(opened)
    if args.json:
        emit_json(s.to_json())
    else:
        print(f"{s.companies} companies, {s.holders} shareholders/officers; source {s.source or '—'} ({s.imported_at or '—'})")
        for c in s.rows:
            print(f"{c.credit_code or '—'}\t{c.holders}\t{c.name}")
    return 0
