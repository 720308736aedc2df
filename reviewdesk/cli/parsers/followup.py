"""Arguments of the follow-up registers: rectify, referral, objection, special, due, followup (settings).
See docs/followup.md and docs/cli.md.

Declarations only: the code is reviewdesk.cli.commands.followup, imported when one of these commands runs.
"""

from __future__ import annotations

import argparse

from reviewdesk.cli.options import runs

ITEM_STATUSES = ["open", "reported", "verified", "closed", "sent_back"]
DUE = ["due_soon", "overdue"]


def _on(p: argparse.ArgumentParser) -> None:
    p.add_argument("--on", metavar="YYYY-MM-DD", help="compute due soon / overdue as of this day (default today)")


def register(sub: argparse._SubParsersAction) -> None:
    rect = sub.add_parser("rectify", help="the rectification register (整改台账)").add_subparsers(
        dest="rectify_command", metavar="ACTION", required=True)
    p = rect.add_parser("generate", help="make the rectification items (and draft referral) of a concluded case")
    p.add_argument("--case", help="case id (store id or external id); without it, every concluded case of --campaign")
    p.add_argument("--campaign")
    p.add_argument("--source", default="auto", choices=["auto", "local", "received"],
                   help="the conclusion recorded here (local), the office's received result, or local first (auto)")
    p.add_argument("--preview", action="store_true", help="show what would be made; change nothing")
    runs(p, "followup", "cmd_rectify_generate")
    p = rect.add_parser("list", help="rectification items, filtered")
    p.add_argument("--campaign")
    p.add_argument("--unit", help="responsible unit code")
    p.add_argument("--case")
    p.add_argument("--status", choices=ITEM_STATUSES)
    p.add_argument("--due", choices=DUE)
    _on(p)
    runs(p, "followup", "cmd_rectify_list")
    p = rect.add_parser("show", help="one item with its history and evidence files")
    p.add_argument("id", type=int)
    _on(p)
    runs(p, "followup", "cmd_rectify_show")
    p = rect.add_parser("report", help="record the unit's report that it fixed the problem")
    p.add_argument("id", type=int)
    p.add_argument("--measures", required=True, help="the measures the unit took")
    p.add_argument("--progress", default="")
    p.add_argument("--person", help="the responsible person")
    p.add_argument("--evidence", action="append", default=[], metavar="FILE", help="an evidence file (repeat)")
    runs(p, "followup", "cmd_rectify_report")
    p = rect.add_parser("verify", help="回头看 found it fixed")
    p.add_argument("id", type=int)
    p.add_argument("--note", default="")
    runs(p, "followup", "cmd_rectify_verify")
    p = rect.add_parser("close", help="close the item off (销号)")
    p.add_argument("id", type=int)
    p.add_argument("--date", help="closing date (default today)")
    runs(p, "followup", "cmd_rectify_close")
    p = rect.add_parser("send-back", help="send the item back (退回重改) with a reason and a new deadline")
    p.add_argument("id", type=int)
    p.add_argument("--reason", required=True)
    p.add_argument("--deadline", required=True, help='YYYY-MM-DD or "N workdays" from today')
    p.add_argument("--finding", default="not_fixed", choices=["partly", "not_fixed"], help="what 回头看 found")
    runs(p, "followup", "cmd_rectify_send_back")

    ref = sub.add_parser("referral", help="the referral register (线索移送台账)").add_subparsers(
        dest="referral_command", metavar="ACTION", required=True)
    p = ref.add_parser("add", help="record a referral by hand (a draft until its letter is issued)")
    p.add_argument("--case", required=True)
    p.add_argument("--campaign")
    p.add_argument("--clue", required=True, help="summary of the clue")
    p.add_argument("--person", action="append", default=[], metavar="NAME,UNIT,POST", help="a person concerned (repeat)")
    p.add_argument("--evidence", action="append", default=[], metavar="TITLE@REF", help="evidence with its page reference (repeat)")
    p.add_argument("--body", default="", help="the receiving discipline inspection body")
    p.add_argument("--officer", default="", help="officer in charge")
    runs(p, "followup", "cmd_referral_add")
    p = ref.add_parser("list", help="referrals, filtered")
    p.add_argument("--campaign")
    p.add_argument("--unit", help="the case's handling unit")
    p.add_argument("--status", choices=["draft", "sent", "feedback"])
    p.add_argument("--due", choices=DUE, help="feedback due soon or overdue")
    _on(p)
    runs(p, "followup", "cmd_referral_list")
    p = ref.add_parser("show", help="one referral")
    p.add_argument("id", type=int)
    _on(p)
    runs(p, "followup", "cmd_referral_show")
    p = ref.add_parser("letter", help="issue the 线索移送函's number (once) and record the sending")
    p.add_argument("id", type=int)
    p.add_argument("--body", help="receiving body (default: as recorded, else 纪委监委)")
    p.add_argument("--sent-on", help="date sent (default today)")
    p.add_argument("--feedback-deadline", help='YYYY-MM-DD or "N workdays" from the date sent (default: the campaign\'s)')
    p.add_argument("--officer")
    runs(p, "followup", "cmd_referral_letter")
    p = ref.add_parser("feedback", help="record the discipline body's feedback")
    p.add_argument("id", type=int)
    p.add_argument("--outcome", required=True, choices=["investigated", "punished", "not_filed", "other"])
    p.add_argument("--date", help="feedback date (default today)")
    p.add_argument("--detail", default="", help="which sanction, or what else (needed for punished and other)")
    runs(p, "followup", "cmd_referral_feedback")

    obj = sub.add_parser("objection", help="objections (异议) and re-checks (复核)").add_subparsers(
        dest="objection_command", metavar="ACTION", required=True)
    p = obj.add_parser("add", help="record a unit's objection (refused after the deadline unless admitted)")
    p.add_argument("--case", required=True)
    p.add_argument("--campaign")
    p.add_argument("--objector", required=True, help="the unit or person objecting")
    p.add_argument("--grounds", required=True)
    p.add_argument("--received-on", help="when the office received it (default today)")
    p.add_argument("--delivered-on", help="when the unit received the opinion (default: the opinion's issue date)")
    p.add_argument("--admit-reason", help="why a late objection is admitted")
    runs(p, "followup", "cmd_objection_add")
    p = obj.add_parser("list", help="objections")
    p.add_argument("--campaign")
    p.add_argument("--case")
    p.add_argument("--status", choices=["pending", "upheld", "changed"])
    runs(p, "followup", "cmd_objection_list")
    p = obj.add_parser("decide", help="the panel's re-check: upheld, or changed with the new conclusion")
    p.add_argument("id", type=int)
    p.add_argument("--decision", required=True, choices=["upheld", "changed"])
    p.add_argument("--reason", required=True)
    p.add_argument("--checked", default="", help="what the panel looked at")
    p.add_argument("--from", dest="from_file", metavar="FILE.json", help="the new conclusion (as conclude --from)")
    runs(p, "followup", "cmd_objection_decide")

    sp = sub.add_parser("special", help="special rectifications (专项整治)").add_subparsers(
        dest="special_command", metavar="ACTION", required=True)
    p = sp.add_parser("create", help="open a special rectification for a problem category the ranking qualifies")
    p.add_argument("--campaign", required=True)
    p.add_argument("--category", required=True)
    p.add_argument("--requirement", required=True)
    p.add_argument("--deadline", required=True, help='YYYY-MM-DD or "N workdays" from today')
    p.add_argument("--title", default="")
    runs(p, "followup", "cmd_special_create")
    p = sp.add_parser("list", help="special rectifications; with --ranking, the problem ranking")
    p.add_argument("--campaign")
    p.add_argument("--ranking", action="store_true", help="the problem categories by cases (needs --campaign)")
    runs(p, "followup", "cmd_special_list")
    p = sp.add_parser("show", help="one special rectification with its items")
    p.add_argument("id", type=int)
    runs(p, "followup", "cmd_special_show")

    p = sub.add_parser("due", help="rectification items, referrals and special rectifications due soon or overdue")
    p.add_argument("--campaign")
    p.add_argument("--unit")
    _on(p)
    runs(p, "followup", "cmd_due")

    nt = sub.add_parser("notice", help="the follow-up papers (Word/PDF)").add_subparsers(
        dest="notice_command", metavar="ACTION", required=True)
    p = nt.add_parser("export", help="write a paper; the first export issues its number (a draft issues none)")
    p.add_argument("--kind", required=True,
                   choices=["rectification", "referral", "recheck", "special", "followup-report", "unit-feedback"],
                   help="rectification: 整改通知书 to a unit (--campaign, --unit); referral: 线索移送函 (--referral); "
                        "recheck: 复核决定书 (--objection); special: 专项整治通知 (--special); followup-report: "
                        "回头看情况报告 (--campaign); unit-feedback: 评查情况反馈意见 to a unit (--campaign, --unit)")
    p.add_argument("--campaign")
    p.add_argument("--unit", help="the reviewed unit's code")
    p.add_argument("--referral", type=int, metavar="ID")
    p.add_argument("--objection", type=int, metavar="ID")
    p.add_argument("--special", type=int, metavar="ID")
    p.add_argument("--format", default="pdf", choices=["docx", "pdf"])
    p.add_argument("--draft", action="store_true", help="a preview marked 草稿; issues no number")
    p.add_argument("--profile", metavar="FILE.json", help="office profile (default: the shipped one)")
    p.add_argument("--out", required=True, metavar="FILE")
    runs(p, "followup", "cmd_notice_export")

    fs = sub.add_parser("followup", help="a campaign's follow-up settings").add_subparsers(
        dest="followup_command", metavar="ACTION", required=True)
    p = fs.add_parser("show")
    p.add_argument("campaign")
    runs(p, "followup", "cmd_followup_show")
    p = fs.add_parser("set", help="set one (admin): objection_days, due_soon_days, rectify_days, feedback_days, "
                                  "special_min_cases, special_min_units, referral_prefix")
    p.add_argument("campaign")
    p.add_argument("key")
    p.add_argument("value")
    runs(p, "followup", "cmd_followup_set")
