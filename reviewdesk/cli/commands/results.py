"""export results (review laptop) and results import|list|conflicts (office machine). See docs/results-package.md."""

from __future__ import annotations

import argparse
from typing import Any

from reviewdesk.cli.parsers.results import CONFLICTS_EXIT
from reviewdesk.cli.secrets import read_secret
from reviewdesk.cli.session import emit_json, open_as_user
from reviewdesk.services import results


def cmd_export(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        out = results.export_results(opened, args.campaign, args.recipient, args.out, issuer_name=args.issuer_name)
    if args.json:
        emit_json(out.to_json())
        return 0
    print(f"Results package {out.package_id} written: {', '.join(out.files)}")
    print(f"{out.cases} case(s), {out.sheets} submitted sheet(s), {out.conclusions} conclusion(s), "
          f"{out.opinion_files} opinion file(s), audit log of {out.audit_entries} entries; signed by key {out.key_id}.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    passphrase = read_secret(args.passphrase_env, "Package passphrase / 数据包口令: ") if args.passphrase_env else None
    with open_as_user(args) as opened:
        out = results.import_results(opened, args.path, passphrase=passphrase, allow_unsigned=args.allow_unsigned)
    if args.json:
        emit_json(out.to_json())
        return 0
    if out.status == "already_imported":
        print(f"Package {out.package_id} was already imported; nothing changed.")
        return 0
    signed = f"signed by {out.signed_by}" if out.signed_by else f"UNSIGNED ({out.unsigned_reason})"
    audit = "verified" if out.audit_verified else "chain links, checkpoint signature NOT checked (untrusted key)"
    print(f"Imported results package {out.package_id} ({signed}): {out.cases} case(s), {out.files} file(s); "
          f"audit log of {out.audit_entries} entries {audit}.")
    if out.identical:
        print(f"{len(out.identical)} case(s) identical to results already received.")
    if out.conflicts:
        print(f"{len(out.conflicts)} case(s) now in conflict: {', '.join(out.conflicts)} "
              f"(see `reviewdesk results conflicts --campaign {out.campaign_id}`)")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        rows = results.received(opened, args.campaign)
    if args.json:
        emit_json([r.to_json() for r in rows])
        return 0
    for r in rows:
        conclusion = r.result["conclusion"] if r.result else None
        summary = f"{conclusion['grade']} {conclusion['outcome']}" if conclusion else "-"
        print(f"{r.case_id}\t{r.status}\t{len(r.sources)} source(s)\t{summary}")
    return 0


def cmd_conflicts(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        rows = results.conflicts(opened, args.campaign)
    if args.json:
        emit_json([c.to_json() for c in rows])
    else:
        for c in rows:
            print(f"{c.case_id}\t{len(c.sources)} sources")
            for f in c.fields:
                values = "; ".join(f"{v.package_id[:8]}({v.key_id}): {_short(v.value)}" for v in f.values)
                print(f"  {f.field}: {values}")
        if not rows:
            print("No conflicts.")
    return CONFLICTS_EXIT if rows else 0


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"
