"""The whole argparse tree of `reviewdesk`, built from declarations alone (docs/cli.md is the contract).

Each command's function is a `command("module", "cmd_x")` reference: nothing under reviewdesk.cli.commands is
imported until that command runs (reviewdesk/cli/lazy.py).
"""

from __future__ import annotations

import argparse

from reviewdesk import __version__
from reviewdesk.cli.lazy import command
from reviewdesk.cli.one_line import OneLineParser
from reviewdesk.cli.options import add_auth, add_json
from reviewdesk.cli.parsers import (
    assign,
    deliberation,
    documents,
    experts,
    followup,
    recusal,
    results,
    rubrics,
    scoring,
    selection,
)


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
    add_json(p)
    p.set_defaults(func=command("workspace", "cmd_init"))

    p = sub.add_parser("recover", help="open with the recovery code and set a new password for a user")
    p.add_argument("--user", required=True, help="account that gets the new password")
    p.add_argument("--code-env", metavar="VAR", help="read the recovery code from environment variable VAR")
    p.add_argument(
        "--new-password-env", metavar="VAR", help="read the new password from environment variable VAR"
    )
    p.set_defaults(func=command("workspace", "cmd_recover"))

    p = sub.add_parser("whoami", help="show the account you act as")
    add_auth(p)
    add_json(p)
    p.set_defaults(func=command("users", "cmd_whoami"))

    user = sub.add_parser("user", help="manage accounts (admin)").add_subparsers(
        dest="user_command", metavar="ACTION", required=True
    )
    p = user.add_parser("add", help="create an account")
    p.add_argument("name")
    p.add_argument("--role", required=True, choices=["admin", "expert", "observer", "auditor"])
    p.add_argument("--display-name", default="", help="full name shown in the app and documents")
    p.add_argument("--new-password-env", metavar="VAR", help="read the new account's password from VAR")
    add_auth(p)
    add_json(p)
    p.set_defaults(func=command("users", "cmd_add"))
    p = user.add_parser("list", help="list accounts")
    add_auth(p)
    add_json(p)
    p.set_defaults(func=command("users", "cmd_list"))
    p = user.add_parser("passwd", help="change your password, or (admin) reset another account's")
    p.add_argument("name", nargs="?", help="account to reset (default: yourself)")
    p.add_argument("--new-password-env", metavar="VAR", help="read the new password from VAR")
    add_auth(p)
    p.set_defaults(func=command("users", "cmd_passwd"))
    p = user.add_parser("disable", help="disable an account and delete its key slot")
    p.add_argument("name")
    add_auth(p)
    p.set_defaults(func=command("users", "cmd_disable"))
    p = user.add_parser("enable", help="re-enable an account with a new password")
    p.add_argument("name")
    p.add_argument("--new-password-env", metavar="VAR", help="read the new password from VAR")
    add_auth(p)
    p.set_defaults(func=command("users", "cmd_enable"))

    aud = sub.add_parser("audit", help="the audit log (admin, auditor)").add_subparsers(
        dest="audit_command", metavar="ACTION", required=True
    )
    p = aud.add_parser(
        "verify", help="check the hash chain and checkpoints; exit 9 and name the first bad entry if broken"
    )
    add_auth(p)
    add_json(p)
    p.set_defaults(func=command("audit", "cmd_verify"))
    p = aud.add_parser("show", help="show entries, newest last")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--actor")
    p.add_argument("--action", help="action prefix, e.g. 'user.'")
    p.add_argument("--text", help="substring of target or details")
    p.add_argument("--since", help="YYYY-MM-DD or RFC 3339, inclusive")
    p.add_argument("--until", help="YYYY-MM-DD or RFC 3339, exclusive")
    add_auth(p)
    add_json(p)
    p.set_defaults(func=command("audit", "cmd_show"))
    p = aud.add_parser("checkpoint", help="sign the current length and head hash with the workstation key")
    add_auth(p)
    add_json(p)
    p.set_defaults(func=command("audit", "cmd_checkpoint"))

    p = sub.add_parser("backup", help="write an encrypted backup file (admin)")
    p.add_argument("path")
    add_auth(p)
    add_json(p)
    p.set_defaults(func=command("workspace", "cmd_backup"))
    p = sub.add_parser(
        "restore", help="replace the workspace by a backup (needs an admin account of the backup)"
    )
    p.add_argument("path")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    add_auth(p)
    p.set_defaults(func=command("workspace", "cmd_restore"))
    p = sub.add_parser("rekey", help="rotate the data key (admin; do it after disabling an account)")
    add_auth(p)
    p.set_defaults(func=command("workspace", "cmd_rekey"))
    p = sub.add_parser("recovery-code", help="replace the recovery code (admin); prints the new one once")
    p.add_argument("--recovery-code-out", metavar="FILE")
    add_auth(p)
    p.set_defaults(func=command("workspace", "cmd_new_recovery_code"))

    st = sub.add_parser("settings", help="workspace settings").add_subparsers(
        dest="settings_command", metavar="ACTION", required=True
    )
    p = st.add_parser("show")
    add_auth(p)
    add_json(p)
    p.set_defaults(func=command("workspace", "cmd_settings_show"))
    p = st.add_parser("set", help="set a setting (admin)")
    p.add_argument("key")
    p.add_argument("value")
    add_auth(p)
    p.set_defaults(func=command("workspace", "cmd_settings_set"))

    un = sub.add_parser(
        "unit", help="units (courts, procuratorates, police, justice bureaus)"
    ).add_subparsers(dest="unit_command", metavar="ACTION", required=True)
    p = un.add_parser("add")
    p.add_argument("code")
    p.add_argument("--name", required=True)
    p.add_argument("--kind", required=True, choices=["court", "procuratorate", "police", "justice", "other"])
    p.add_argument("--region-code", required=True, help="six-digit GB/T 2260 code")
    add_auth(p)
    add_json(p)
    p.set_defaults(func=command("campaigns", "cmd_unit_add"))
    p = un.add_parser("list")
    add_auth(p)
    add_json(p)
    p.set_defaults(func=command("campaigns", "cmd_unit_list"))

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
    add_auth(p)
    add_json(p)
    p.set_defaults(func=command("campaigns", "cmd_campaign_create"))
    p = cp.add_parser("set", help="change how a campaign forms its panels (admin)")
    p.add_argument("id")
    p.add_argument("--cross-region", choices=["none", "county", "prefecture"])
    p.add_argument("--panel-size", type=int)
    p.add_argument("--kind", choices=["regular", "recheck"])
    p.add_argument("--composition", metavar="JSON")
    p.add_argument("--max-load", type=int, help="0 removes the cap")
    add_auth(p)
    add_json(p)
    p.set_defaults(func=command("campaigns", "cmd_campaign_set"))
    p = cp.add_parser("list")
    add_auth(p)
    add_json(p)
    p.set_defaults(func=command("campaigns", "cmd_campaign_list"))

    ks = sub.add_parser("keys", help="workstation keys and trusted issuers (admin)").add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    p = ks.add_parser("recipient", help="print this workstation's age recipient (age1…) for offices that send packages")
    add_auth(p)
    p.set_defaults(func=command("packages", "cmd_keys_recipient"))
    p = ks.add_parser("signing-pub", help="print this workstation's minisign public key")
    add_auth(p)
    p.set_defaults(func=command("packages", "cmd_keys_signing_pub"))
    p = ks.add_parser("trust-issuer", help="trust packages signed by a minisign public key (.pub file)")
    p.add_argument("file")
    p.add_argument("--name", required=True, help="the issuing office, e.g. 某省委政法委执法监督处")
    add_auth(p)
    add_json(p)
    p.set_defaults(func=command("packages", "cmd_keys_trust"))
    p = ks.add_parser("issuers", help="list trusted issuers with their key ids")
    add_auth(p)
    add_json(p)
    p.set_defaults(func=command("packages", "cmd_keys_issuers"))

    p = sub.add_parser("import", help="import a case package (.rdpkg, or any of its parts) (admin)")
    p.add_argument("path")
    p.add_argument("--passphrase-env", metavar="VAR", help="the package's passphrase, for passphrase-encrypted packages")
    p.add_argument("--allow-unsigned", action="store_true", help="accept an unsigned or untrusted-signer package this once (audited)")
    p.add_argument("--update", action="store_true", help="replace cases already in the store (same issuer and id)")
    add_auth(p)
    add_json(p)
    p.set_defaults(func=command("packages", "cmd_import"))
    p = sub.add_parser("import-folder", help="import a plain folder with cases.xlsx (admin; recorded as unsigned)")
    p.add_argument("dir")
    p.add_argument("--update", action="store_true", help="replace cases already in the store")
    add_auth(p)
    add_json(p)
    p.set_defaults(func=command("packages", "cmd_import_folder"))

    pk = sub.add_parser("package", help="build packages (for organising offices)").add_subparsers(dest="package_command", metavar="ACTION", required=True)
    p = pk.add_parser("build", help="build a signed, encrypted package from a folder")
    p.add_argument("--kind", required=True, choices=["cases", "roster"])
    p.add_argument("--from", dest="from_dir", required=True, metavar="DIR", help="folder with cases.xlsx (or manifest.json) and the files it names")
    p.add_argument("--sign-key", required=True, metavar="FILE", help="minisign secret key file")
    p.add_argument("--sign-key-password-env", metavar="VAR", help="password of the secret key, if it has one")
    p.add_argument("--recipient", action="append", default=[], metavar="age1…", help="a receiving workstation (repeat for several)")
    p.add_argument("--passphrase-env", metavar="VAR", help="also (or instead) encrypt to a passphrase")
    p.add_argument("--out", required=True, metavar="FILE")
    add_json(p)
    p.set_defaults(func=command("packages", "cmd_package_build"))
    p = pk.add_parser("template", help="write the cases.xlsx template")
    p.add_argument("out")
    p.set_defaults(func=command("packages", "cmd_package_template"))

    cs = sub.add_parser("cases", help="cases in the store").add_subparsers(dest="cases_command", metavar="ACTION", required=True)
    p = cs.add_parser("list")
    p.add_argument("--campaign")
    p.add_argument("--unit", help="handling unit code")
    p.add_argument("--type", choices=["criminal", "civil", "administrative", "enforcement", "public_security", "petition"])
    p.add_argument("--region", help="region code prefix: 2 (province), 4 (prefecture) or 6 (county) digits")
    p.add_argument("--flag", action="append", choices=["unenforced", "unresolved", "repeated", "petition"])
    p.add_argument("--text", help="substring of case number or title")
    add_auth(p)
    add_json(p)
    p.set_defaults(func=command("packages", "cmd_cases_list"))
    p = cs.add_parser("show")
    p.add_argument("id", help="internal number or case id")
    add_auth(p)
    add_json(p)
    p.set_defaults(func=command("packages", "cmd_cases_show"))
    dc = sub.add_parser("docs", help="case documents").add_subparsers(dest="docs_command", metavar="ACTION", required=True)
    p = dc.add_parser("export", help="write a document to a file (admin; audited)")
    p.add_argument("id", type=int)
    p.add_argument("--out", required=True)
    add_auth(p)
    p.set_defaults(func=command("packages", "cmd_docs_export"))
    p = sub.add_parser("search", help="full-text search over cases and documents")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=50)
    add_auth(p)
    add_json(p)
    p.set_defaults(func=command("packages", "cmd_search"))

    p = sub.add_parser("demo", help="create a demo workspace with synthetic data (and open it with --open)")
    p.add_argument("--reset", action="store_true", help="delete an existing demo workspace first")
    p.add_argument("--open", action="store_true", help="open the desktop app on it afterwards")
    add_json(p)
    p.set_defaults(func=command("demo", "cmd_demo"))
    # Expert pool, recusal, case selection, panel drawing and scoring register their own commands.
    for module in (experts, recusal, selection, assign, rubrics, scoring, deliberation, documents, results,
                   followup):
        module.register(sub)
    return parser
