"""Arguments of opinion export|batch, records export, report campaign, ledger. See docs/documents.md.

Declarations only: the code is reviewdesk.cli.commands.documents, imported when one of these commands runs.
"""

from __future__ import annotations

import argparse

from reviewdesk.cli.options import add_campaign, runs

# The services' own values (tests/test_cli_lazy.py keeps them equal), here so that --help imports nothing heavy.
FORMATS = ("docx", "pdf")
RECORD_KINDS = ("score_sheet", "recusal", "interview")


def _profile(p: argparse.ArgumentParser) -> None:
    p.add_argument("--profile", metavar="FILE.json",
                   help="office profile (letterhead, number prefix, wording); default resources/documents/office.json")


def register(sub: argparse._SubParsersAction) -> None:
    opinion = sub.add_parser("opinion", help="review opinions (评查意见书)").add_subparsers(
        dest="opinion_command", metavar="ACTION", required=True)
    p = opinion.add_parser("export", help="one case's opinion as .docx or .pdf (admin or the panel leader)")
    p.add_argument("--case", required=True, help="case id (store id or external id)")
    p.add_argument("--campaign", help="campaign id (needed when the case is in several)")
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("--out", required=True, metavar="FILE")
    _profile(p)
    runs(p, "documents", "cmd_opinion_export")

    p = opinion.add_parser("batch", help="every concluded case's opinion into a folder (admin)")
    add_campaign(p)
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--format", default="both", choices=[*FORMATS, "both"])
    _profile(p)
    runs(p, "documents", "cmd_opinion_batch")

    records = sub.add_parser("records", help="print versions of score sheets, recusal form, interview records")
    actions = records.add_subparsers(dest="records_command", metavar="ACTION", required=True)
    p = actions.add_parser("export", help="write a case's records of one kind into a folder")
    p.add_argument("--case", required=True)
    p.add_argument("--campaign")
    p.add_argument("--kind", required=True, choices=RECORD_KINDS)
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("--out", required=True, metavar="DIR")
    _profile(p)
    runs(p, "documents", "cmd_records_export")

    report = sub.add_parser("report", help="campaign reports").add_subparsers(
        dest="report_command", metavar="ACTION", required=True)
    p = report.add_parser("campaign", help="the campaign summary report with statistics tables and charts")
    add_campaign(p)
    p.add_argument("--out", required=True, metavar="FILE", help=".docx (default) or .pdf")
    p.add_argument("--format", choices=FORMATS, help="default: from the file name, else docx")
    _profile(p)
    runs(p, "documents", "cmd_report")

    p = sub.add_parser("ledger", help="the campaign's Excel ledgers (cases, problems, scores, statistics)")
    add_campaign(p)
    p.add_argument("--out", required=True, metavar="FILE.xlsx")
    runs(p, "documents", "cmd_ledger")
