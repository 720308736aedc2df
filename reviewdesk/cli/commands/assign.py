"""assign (draw panels), assign replace, assign change, panels: see docs/assignment.md."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from reviewdesk.cli.session import emit_json, open_as_user
from reviewdesk.errors import ValidationError
from reviewdesk.services import panel_views

if TYPE_CHECKING:
    from reviewdesk.services import assignment

EXIT_UNSTAFFED = 11  # the draw left cases without a full panel and nothing was saved (see docs/assignment.md)




def _print_proposal(proposal: assignment.Proposal) -> None:
    for panel in proposal.panels:
        names = ", ".join(
            f"{m.external_id} {m.name}{' (组长/leader)' if m.role == 'leader' else ''}" for m in panel.members
        )
        line = f"{panel.case.external_id}\t{panel.case.case_type}\t{names or '-'}"
        if panel.problems:
            line += "\t! " + "; ".join(p.message for p in panel.problems)
        print(line)
    for why in proposal.proofs:
        print(f"impossible: {why.message}")
    if proposal.search.get("proven") is False:
        print(
            "not proven: the exact search stopped at its time limit; the best draw found is shown, but it was not "
            "proven that a better one (more requirements met, or more even loads) does not exist"
        )
    st = proposal.stats
    print(
        f"{st['staffed']} of {st['cases']} cases staffed, {st['unmet']} missing a requirement, "
        f"{st['unstaffed']} unstaffed; loads {st['load_min']}–{st['load_max']}; seed {proposal.params['seed']}"
    )


def cmd_assign(args: argparse.Namespace) -> int:
    from reviewdesk.services import assignment  # the draw: solver and numpy, loaded only here

    if not args.campaign:
        raise ValidationError("--campaign", "say which campaign", message_zh="请指定评查活动")
    options = {"panel_size": args.panel_size, "seed": args.seed, "max_load": args.max_load}
    with open_as_user(args) as opened:
        preview = assignment.propose(opened, args.campaign, **options)
        options["seed"] = str(preview.params["seed"])  # apply exactly what was shown
        blocked = bool(preview.unstaffed or preview.unmet) and not args.allow_partial
        result = preview
        if not args.dry_run and not blocked:
            result = assignment.apply(opened, args.campaign, **options, expect=preview.fingerprint,
                                      allow_partial=args.allow_partial, preview=preview)
    if args.json:
        emit_json(result.to_json())
    else:
        _print_proposal(result)
        if result.run_id is not None:
            print(f"Saved as assignment run {result.run_id}.")
        elif blocked and not args.dry_run:
            print("Nothing saved: some cases cannot be fully staffed (see above; --allow-partial saves the rest).")
    return EXIT_UNSTAFFED if blocked and not args.dry_run else 0


def _print_panel(view: panel_views.PanelView) -> None:
    members = ", ".join(f"{m.external_id} {m.name} [{m.role}, {m.profession}, {m.unit}]" for m in view.members)
    backups = ", ".join(f"{b.rank}. {b.external_id}" for b in view.backups)
    print(f"{view.case.external_id}\t{members}\tbackups: {backups or '-'}")
    for c in view.changes:
        print(f"\tchanged {c.changed_at} by {c.changed_by}: -{c.removed or ''} +{c.added or ''} ({c.reason})")


def cmd_replace(args: argparse.Namespace) -> int:
    from reviewdesk.services import assignment

    with open_as_user(args) as opened:
        view = assignment.replace(opened, args.campaign, args.case, args.expert, args.reason)
    if args.json:
        emit_json(view.to_json())
    else:
        _print_panel(view)
    return 0


def cmd_change(args: argparse.Namespace) -> int:
    from reviewdesk.services import assignment

    with open_as_user(args) as opened:
        view = assignment.change_member(opened, args.campaign, args.case, args.remove, args.add, args.reason)
    if args.json:
        emit_json(view.to_json())
    else:
        _print_panel(view)
    return 0


def cmd_panels(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        views = panel_views.panels(opened, args.campaign)  # no solver to load for a listing
    if args.json:
        emit_json([v.to_json() for v in views])
    else:
        for v in views:
            _print_panel(v)
    return 0
