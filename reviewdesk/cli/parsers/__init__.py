"""The whole argparse tree of `reviewdesk`, built from declarations alone (docs/cli.md is the contract).

Each command's declaration ends with `runs(p, "module", "cmd_x")` (reviewdesk/cli/options.py), which adds the
shared options and names the function lazily: nothing under reviewdesk.cli.commands is imported until that
command runs (reviewdesk/cli/lazy.py).
"""

from __future__ import annotations

import argparse
import functools
import gettext

from reviewdesk import __version__
from reviewdesk.cli.one_line import OneLineParser
from reviewdesk.cli.options import runs
from reviewdesk.cli.parsers import (
    assign,
    collision,
    deliberation,
    documents,
    experts,
    followup,
    marks,
    ocr,
    recusal,
    results,
    rubrics,
    scoring,
    selection,
)

# argparse asks gettext for each of its own strings (a few thousand while the tree is built); with no catalogue
# for them, gettext searches the locale folders every time (it keeps only what it found): a third of the build.
# The answer cannot change within a process, so it is asked once per string.
argparse._ = functools.lru_cache(maxsize=None)(gettext.gettext)  # type: ignore[attr-defined]


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="reviewdesk",
        description="ReviewDesk (评查工作台): offline case-review workstation. Without a command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"reviewdesk {__version__}")
    parser.add_argument(
        "--workspace",
        metavar="DIR",
        help="workspace folder (default: $REVIEWDESK_WORKSPACE, then the per-user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("gui", help="open the desktop app")
    p.add_argument("file", nargs="?", help="a package (.rdpkg) to import after log-in")

    p = sub.add_parser("init", help="create a workspace and its first admin account")
    p.add_argument("--admin", default="admin", help="admin user name (default: admin)")
    p.add_argument("--display-name", default="", help="admin's full name")
    p.add_argument(
        "--password-env", metavar="VAR", help="read the admin password from environment variable VAR"
    )
    p.add_argument(
        "--recovery-code-out", metavar="FILE", help="also write the recovery code to FILE (to print it)"
    )
    runs(p, "workspace", "cmd_init", auth=False)

    p = sub.add_parser("recover", help="open with the recovery code and set a new password for a user")
    p.add_argument("--user", required=True, help="account that gets the new password")
    p.add_argument("--code-env", metavar="VAR", help="read the recovery code from environment variable VAR")
    p.add_argument(
        "--new-password-env", metavar="VAR", help="read the new password from environment variable VAR"
    )
    runs(p, "workspace", "cmd_recover", auth=False, json=False)

    p = sub.add_parser("whoami", help="show the account you act as")
    runs(p, "users", "cmd_whoami")

    user = sub.add_parser("user", help="manage accounts (admin)").add_subparsers(
        dest="user_command", metavar="ACTION", required=True
    )
    p = user.add_parser("add", help="create an account")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=["admin", "expert", "observer", "auditor"])
    p.add_argument("--display-name", default="", help="full name shown in the app and documents")
    p.add_argument("--new-password-env", metavar="VAR", help="read the new account's password from VAR")
    runs(p, "users", "cmd_add")
    p = user.add_parser("list", help="list accounts")
    runs(p, "users", "cmd_list")
    p = user.add_parser("passwd", help="change your password, or (admin) reset another account's")
    p.add_argument("name", nargs="?", help="account to reset (default: yourself)")
    p.add_argument("--new-password-env", metavar="VAR", help="read the new password from VAR")
    runs(p, "users", "cmd_passwd", json=False)
    p = user.add_parser("disable", help="disable an account and delete its key slot")
    p.add_argument("name")
    runs(p, "users", "cmd_disable", json=False)
    p = user.add_parser("enable", help="re-enable an account with a new password")
    p.add_argument("name")
    p.add_argument("--new-password-env", metavar="VAR", help="read the new password from VAR")
    runs(p, "users", "cmd_enable", json=False)

    aud = sub.add_parser("audit", help="the audit log (admin, auditor)").add_subparsers(
        dest="audit_command", metavar="ACTION", required=True
    )
    p = aud.add_parser(
        "verify", help="check the hash chain and checkpoints; exit 9 and name the first bad entry if broken"
    )
    runs(p, "audit", "cmd_verify")
    p = aud.add_parser("show", help="show entries, newest last")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--actor")
    p.add_argument("--action", help="action prefix, e.g. 'user.'")
    p.add_argument("--text", help="substring of target or details")
    p.add_argument("--since", help="YYYY-MM-DD or RFC 3339, inclusive")
    p.add_argument("--until", help="YYYY-MM-DD or RFC 3339, exclusive")
    runs(p, "audit", "cmd_show")
    p = aud.add_parser("checkpoint", help="sign the current length and head hash with the workstation key")
    runs(p, "audit", "cmd_checkpoint")

    p = sub.add_parser("backup", help="write an encrypted backup file (admin)")
    p.add_argument("path")
    runs(p, "workspace", "cmd_backup")
    p = sub.add_parser(
        "restore", help="replace the workspace by a backup (needs an admin account of the backup)"
    )
    p.add_argument("path")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    runs(p, "workspace", "cmd_restore", json=False)
    p = sub.add_parser("rekey", help="rotate the data key (admin; do it after disabling an account)")
    runs(p, "workspace", "cmd_rekey", json=False)
    p = sub.add_parser("recovery-code", help="replace the recovery code (admin); prints the new one once")
    p.add_argument("--recovery-code-out", metavar="FILE")
    runs(p, "workspace", "cmd_new_recovery_code", json=False)

    st = sub.add_parser("settings", help="workspace settings").add_subparsers(
        dest="settings_command", metavar="ACTION", required=True
    )
    p = st.add_parser("show")
    runs(p, "workspace", "cmd_settings_show")
    p = st.add_parser("set", help="set a setting (admin)")
    p.add_argument("key")
    p.add_argument("value")
    runs(p, "workspace", "cmd_settings_set", json=False)

    un = sub.add_parser(
        "unit", help="units (courts, procuratorates, police, justice bureaus)"
    ).add_subparsers(dest="unit_command", metavar="ACTION", required=True)
    p = un.add_parser("add")
    p.add_argument("code")
    p.add_argument("--name", required=True)
    p.add_argument("--kind", required=True, choices=["court", "procuratorate", "police", "justice", "other"])
    p.add_argument("--region-code", required=True, help="six-digit GB/T 2260 code")
    runs(p, "campaigns", "cmd_unit_add")
    p = un.add_parser("list")
    runs(p, "campaigns", "cmd_unit_list")

    cp = sub.add_parser("campaign", help="review campaigns").add_subparsers(
        dest="campaign_command", metavar="ACTION", required=True
    )
    p = cp.add_parser("create")
    p.add_argument("id")
    p.add_argument("--name", required=True)
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--cross-region", default="none", choices=["none", "county", "prefecture"])
    p.add_argument("--panel-size", type=int, default=3)
    p.add_argument("--organiser-unit")
    p.add_argument("--kind", default="regular", choices=["regular", "recheck"], help="recheck = 回头看 (prior reviewers recuse)")
    p.add_argument("--composition", metavar="JSON", help='panel rules, e.g. \'[{"professions": ["lawyer", "academic"], "min": 1}]\'')
    p.add_argument("--max-load", type=int, help="at most N cases per expert (default: fair share)")
    p.add_argument("--scoring-deadline", metavar="YYYY-MM-DD", help="the date the panels' sheets are due")
    runs(p, "campaigns", "cmd_campaign_create")
    p = cp.add_parser("set", help="change how a campaign forms its panels (admin)")
    p.add_argument("id")
    p.add_argument("--cross-region", choices=["none", "county", "prefecture"])
    p.add_argument("--panel-size", type=int)
    p.add_argument("--kind", choices=["regular", "recheck"])
    p.add_argument("--composition", metavar="JSON")
    p.add_argument("--max-load", type=int, help="0 removes the cap")
    p.add_argument("--scoring-deadline", metavar="YYYY-MM-DD", help="the date the sheets are due; 'none' removes it")
    runs(p, "campaigns", "cmd_campaign_set")
    p = cp.add_parser("list")
    runs(p, "campaigns", "cmd_campaign_list")

    ks = sub.add_parser("keys", help="workstation keys and trusted issuers (admin)").add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    p = ks.add_parser("recipient", help="print this workstation's age recipient (age1…) for offices that send packages")
    runs(p, "packages", "cmd_keys_recipient", json=False)
    p = ks.add_parser("signing-pub", help="print this workstation's minisign public key")
    runs(p, "packages", "cmd_keys_signing_pub", json=False)
    p = ks.add_parser("trust-issuer", help="trust packages signed by a minisign public key (.pub file)")
    p.add_argument("file")
    p.add_argument("--name", required=True, help="the issuing office, e.g. 某省委政法委执法监督处")
    runs(p, "packages", "cmd_keys_trust")
    p = ks.add_parser("generate", help="make an office's signing key pair (minisign format; no workspace needed)")
    p.add_argument("--secret-out", required=True, metavar="FILE", help="the secret key file to write (keep it safe)")
    p.add_argument("--public-out", required=True, metavar="FILE", help="the public key file (.pub) to send to workstations")
    p.add_argument("--office", default="", metavar="NAME", help="the office's name, written in the key files' comment")
    secret = p.add_mutually_exclusive_group()
    secret.add_argument("--password-env", metavar="VAR", help="encrypt the secret key with the password in VAR (default: asked twice)")
    secret.add_argument("--without-password", action="store_true", help="leave the secret key unencrypted (like minisign -W)")
    runs(p, "packages", "cmd_keys_generate", auth=False)
    p = ks.add_parser("issuers", help="list trusted issuers with their key ids")
    runs(p, "packages", "cmd_keys_issuers")

    p = sub.add_parser("import", help="import a case package (.rdpkg, or any of its parts) (admin)")
    p.add_argument("path")
    p.add_argument("--passphrase-env", metavar="VAR", help="the package's passphrase, for passphrase-encrypted packages")
    p.add_argument("--allow-unsigned", action="store_true", help="accept an unsigned or untrusted-signer package this once (audited)")
    p.add_argument("--update", action="store_true", help="replace cases already in the store (same issuer and id)")
    runs(p, "packages", "cmd_import")
    p = sub.add_parser("import-folder", help="import a plain folder with cases.xlsx (admin; recorded as unsigned)")
    p.add_argument("dir")
    p.add_argument("--update", action="store_true", help="replace cases already in the store")
    runs(p, "packages", "cmd_import_folder")

    pk = sub.add_parser("package", help="build packages (for organising offices)").add_subparsers(dest="package_command", metavar="ACTION", required=True)
    p = pk.add_parser("build", help="build a signed, encrypted package from a folder")
    p.add_argument("--kind", required=True, choices=["cases", "roster"])
    p.add_argument("--from", dest="from_dir", required=True, metavar="DIR", help="folder with cases.xlsx (or manifest.json) and the files it names")
    p.add_argument("--sign-key", required=True, metavar="FILE", help="minisign secret key file")
    p.add_argument("--sign-key-password-env", metavar="VAR", help="password of the secret key, if it has one")
    p.add_argument("--recipient", action="append", default=[], metavar="age1…", help="a receiving workstation (repeat for several)")
    p.add_argument("--passphrase-env", metavar="VAR", help="also (or instead) encrypt to a passphrase")
    p.add_argument("--out", required=True, metavar="FILE")
    runs(p, "packages", "cmd_package_build", auth=False)
    p = pk.add_parser("template", help="write the cases.xlsx template")
    p.add_argument("out")
    runs(p, "packages", "cmd_package_template", auth=False, json=False)

    cs = sub.add_parser("cases", help="cases in the store").add_subparsers(dest="cases_command", metavar="ACTION", required=True)
    p = cs.add_parser("list")
    p.add_argument("--campaign")
    p.add_argument("--unit", help="handling unit code")
    p.add_argument("--type", choices=["criminal", "civil", "administrative", "enforcement", "public_security", "petition"])
    p.add_argument("--region", help="region code prefix: 2 (province), 4 (prefecture) or 6 (county) digits")
    p.add_argument("--flag", action="append", choices=["unenforced", "unresolved", "repeated", "petition"])
    p.add_argument("--text", help="substring of case number or title")
    runs(p, "packages", "cmd_cases_list")
    p = cs.add_parser("show")
    p.add_argument("id", help="internal number or case id")
    runs(p, "packages", "cmd_cases_show")
    dc = sub.add_parser("docs", help="case documents").add_subparsers(dest="docs_command", metavar="ACTION", required=True)
    p = dc.add_parser("export", help="write a document to a file (admin; audited)")
    p.add_argument("id", type=int)
    p.add_argument("--out", required=True)
    runs(p, "packages", "cmd_docs_export", json=False)
    p = sub.add_parser("search", help="full-text search over cases and documents")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=50)
    runs(p, "packages", "cmd_search")

    p = sub.add_parser("demo", help="create a demo workspace with synthetic data (and open it with --open)")
    p.add_argument("--reset", action="store_true", help="delete an existing demo workspace first")
    p.add_argument("--open", action="store_true", help="open the desktop app on it afterwards")
    runs(p, "demo", "cmd_demo", auth=False)
    # Expert pool, recusal, case selection, panel drawing and scoring register their own commands.
    for module in (experts, recusal, selection, assign, rubrics, scoring, deliberation, documents, results,
                   followup, collision, ocr, marks):
        module.register(sub)
    return parser
