"""rubric list|show|import|export, grading show|set, campaign-rubric set (see docs/rubrics.md)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from reviewdesk.cli.secrets import UsageError
from reviewdesk.cli.session import emit_json, open_as_user
from reviewdesk.errors import ValidationError
from reviewdesk.scoring.grades import bands_to_json
from reviewdesk.services import rubrics
from reviewdesk.services.rubrics import GradingInfo, RubricDetail


def cmd_list(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        rows = rubrics.list_rubrics(opened)
    if args.json:
        emit_json({"rubrics": [r.to_json() for r in rows]})
    else:
        for r in rows:
            where = r.source if r.stored else "builtin (not yet stored)"
            print(f"{r.code}\tv{r.version}\t{r.total:g}\t{','.join(r.case_types)}\t{where}\t{r.name}")
    return 0


def _print_detail(detail: RubricDetail) -> None:
    r = detail.rubric
    print(f"{r.code} v{r.version} {r.name} — {r.total:g} 分 ({detail.info.source}, sha256 {detail.info.sha256[:12]})")
    print(f"  case types: {', '.join(r.case_types)}; categories: {'、'.join(r.categories)}")
    for part in r.parts:
        print(f"  {part.code} {part.name} ({part.max:g})")
        for it in part.items:
            veto = " 一票否决" if it.veto else ""
            print(f"    {it.code} [{it.kind} {it.tag} max {it.max:g} step {it.step:g}{veto}] {it.text}")


def cmd_show(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        detail = rubrics.rubric_detail(opened, args.code, args.version)
    if args.json:
        emit_json(detail.to_json())
    else:
        _print_detail(detail)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ValidationError(
            "file", f"cannot read {path.name}: {err.strerror}", message_zh=f"无法读取文件 {path.name}"
        ) from None
    with open_as_user(args) as opened:
        info = rubrics.import_rubric(opened, data, path.name)
    if args.json:
        emit_json(info.to_json())
    else:
        print(f"Rubric {info.code} v{info.version} stored.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        detail = rubrics.export_rubric(opened, args.code, args.version, Path(args.out))
    if args.json:
        emit_json({"code": detail.rubric.code, "version": detail.rubric.version, "out": str(args.out),
                   "sha256": detail.info.sha256})
    else:
        print(f"Rubric {detail.rubric.code} v{detail.rubric.version} written to {args.out}.")
    return 0


def _print_grading(info: GradingInfo) -> None:
    print(f"Campaign {info.campaign_id}")
    print("  bands: " + "  ".join(f"{b.grade} ≥ {b.min:g}" for b in info.bands))
    print(f"  spread threshold: {info.spread_threshold:g}; consolidation: {info.consolidation}")
    for pin in info.rubrics:
        print(f"  {pin.case_type}: {pin.code} v{pin.version}")


def cmd_grading_show(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        info = rubrics.grading(opened, args.campaign)
    if args.json:
        emit_json(info.to_json())
    else:
        _print_grading(info)
    return 0


def cmd_grading_set(args: argparse.Namespace) -> int:
    bands: Any = None
    if args.bands is not None:
        try:
            bands = json.loads(args.bands)
        except json.JSONDecodeError as err:
            raise UsageError(f"--bands is not JSON: {err}", message_zh="--bands 不是有效的 JSON") from None
    if bands is None and args.spread is None and args.consolidation is None:
        raise UsageError("nothing to change: give --bands, --spread or --consolidation",
                         message_zh="未指定要修改的内容（--bands、--spread 或 --consolidation）")
    with open_as_user(args) as opened:
        info = rubrics.set_grading(opened, args.campaign, bands=bands, spread_threshold=args.spread,
                                   consolidation=args.consolidation)
    if args.json:
        emit_json(info.to_json())
    else:
        print(f"Grading of {info.campaign_id} updated: {bands_to_json(info.bands)}")
    return 0


def cmd_campaign_rubric_set(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        pin = rubrics.set_campaign_rubric(opened, args.campaign, args.case_type, args.rubric, args.version)
    if args.json:
        emit_json({"campaign": args.campaign, "case_type": pin.case_type, "code": pin.code, "version": pin.version})
    else:
        print(f"Campaign {args.campaign} scores {pin.case_type} cases with {pin.code} v{pin.version}.")
    return 0




