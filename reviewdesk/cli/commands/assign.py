"""assign (draw panels), assign replace, assign change, panels: see docs/assignment.md."""

from __future__ import annotations

import argparse

from reviewdesk.cli.options import add_auth, add_json
from reviewdesk.cli.session import emit_json, open_as_user
from reviewdesk.errors import ValidationError
from reviewdesk.services import assignment

EXIT_UNSTAFFED = 11  # the draw left cases without a full panel and nothing was saved (see docs/assignment.md)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "assign",
        help="draw panels for a campaign's selected cases (admin); `assign replace|change` edit a panel",
        description="Draw one panel per selected case, print it, and save it unless --dry-run. Cases that cannot "
        "be fully staffed stop the save unless --allow-partial.",
    )
    p.add_argument("--campaign", help="campaign id")
    p.add_argument("--panel-size", type=int, help="members per panel (default: the campaign's)")
    p.add_argument("--seed", help="tie-breaking seed (default: a random one, printed); same seed + data = same panels")
    p.add_argument("--max-load", type=int, help="cases per expert at most (default: the campaign's, if set)")
    p.add_argument("--dry-run", action="store_true", help="show the draw, save nothing")
    p.add_argument("--allow-partial", action="store_true", help="save the panels that could be formed")
    add_auth(p)
    add_json(p)
    p.set_defaults(func=cmd_assign)
    actions = p.add_subparsers(dest="assign_command", metavar="ACTION")

    r = actions.add_parser("replace", help="late recusal: replace a member by the best fitting backup")
    r.add_argument("--campaign", required=True)
    r.add_argument("--case", required=True, help="store id or case id")
    r.add_argument("--expert", required=True, help="the member to take off: store id or roster id")
    r.add_argument("--reason", required=True)
    add_auth(r)
    add_json(r)
    r.set_defaults(func=cmd_replace)

    c = actions.add_parser("change", help="replace a member by an expert of your choice (re-checked)")
    c.add_argument("--campaign", required=True)
    c.add_argument("--case", required=True)
    c.add_argument("--remove", required=True, help="member to take off")
    c.add_argument("--add", required=True, help="expert to put on")
    c.add_argument("--reason", required=True)
    add_auth(c)
    add_json(c)
    c.set_defaults(func=cmd_change)

    v = sub.add_parser("panels", help="show a campaign's saved panels (admin, observer)")
    v.add_argument("--campaign", required=True)
    add_auth(v)
    add_json(v)
    v.set_defaults(func=cmd_panels)


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


def _print_panel(view: assignment.PanelView) -> None:
    members = ", ".join(f"{m.external_id} {m.name} [{m.role}, {m.profession}, {m.unit}]" for m in view.members)
    backups = ", ".join(f"{b.rank}. {b.external_id}" for b in view.backups)
    print(f"{view.case.external_id}\t{members}\tbackups: {backups or '-'}")
    for c in view.changes:
        print(f"\tchanged {c.changed_at} by {c.changed_by}: -{c.removed or ''} +{c.added or ''} ({c.reason})")


def cmd_replace(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        view = assignment.replace(opened, args.campaign, args.case, args.expert, args.reason)
    if args.json:
        emit_json(view.to_json())
    else:
        _print_panel(view)
    return 0


def cmd_change(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        view = assignment.change_member(opened, args.campaign, args.case, args.remove, args.add, args.reason)
    if args.json:
        emit_json(view.to_json())
    else:
        _print_panel(view)
    return 0


def cmd_panels(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        views = assignment.panels(opened, args.campaign)
    if args.json:
        emit_json([v.to_json() for v in views])
    else:
        for v in views:
            _print_panel(v)
    return 0
