"""unit add|list, campaign create|list."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from reviewdesk import safe_json
from reviewdesk.cli.session import emit_json, open_as_user
from reviewdesk.services import campaigns


def cmd_unit_add(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        unit = campaigns.add_unit(opened, args.code, args.name, args.kind, args.region_code)
    if args.json:
        emit_json(asdict(unit))
    else:
        print(f"Unit {unit.code} added.")
    return 0


def cmd_unit_list(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        rows = campaigns.list_units(opened)
    if args.json:
        emit_json([asdict(u) for u in rows])
    else:
        for u in rows:
            print(f"{u.code}\t{u.region_code}\t{u.kind}\t{u.name}")
    return 0


def cmd_campaign_create(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        info = campaigns.create_campaign(
            opened,
            args.id,
            args.name,
            args.year,
            cross_region_level=args.cross_region,
            panel_size=args.panel_size,
            organiser_unit=args.organiser_unit,
            kind=args.kind,
            composition=_composition_arg(args.composition) or [],
            max_load=args.max_load,
            scoring_deadline=args.scoring_deadline,
        )
    if args.json:
        emit_json(info.to_json())
    else:
        print(f"Campaign {info.id} created.")
    return 0


def _composition_arg(text: str | None) -> list[dict[str, Any]] | None:
    if text is None:
        return None
    return safe_json.loads(text, what="--composition", max_bytes=safe_json.MAX_OPTION_BYTES)


def cmd_campaign_set(args: argparse.Namespace) -> int:
    kwargs: dict[str, Any] = {}
    if args.max_load is not None:
        kwargs["max_load"] = None if args.max_load == 0 else args.max_load
    if args.scoring_deadline is not None:
        kwargs["scoring_deadline"] = None if args.scoring_deadline.strip().lower() == "none" else args.scoring_deadline
    with open_as_user(args) as opened:
        info = campaigns.set_campaign_rules(
            opened, args.id, cross_region_level=args.cross_region, panel_size=args.panel_size, kind=args.kind,
            composition=_composition_arg(args.composition), **kwargs,
        )
    if args.json:
        emit_json(info.to_json())
    else:
        print(f"Campaign {info.id} updated.")
    return 0


def cmd_campaign_list(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        rows = campaigns.list_campaigns(opened)
    if args.json:
        emit_json([c.to_json() for c in rows])
    else:
        for c in rows:
            print(f"{c.id}\t{c.year}\t{c.status}\t{c.name}")
    return 0
