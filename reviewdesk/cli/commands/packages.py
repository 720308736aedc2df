"""keys …, import, import-folder, package build|template, cases list|show, docs export, search."""

from __future__ import annotations

import argparse
import sys
import uuid
from pathlib import Path

from reviewdesk.cli.secrets import UsageError, read_secret
from reviewdesk.cli.session import emit_json, open_as_user
from reviewdesk.errors import ValidationError
from reviewdesk.packages import age, builder, minisign, spreadsheet
from reviewdesk.packages.manifest import ManifestError, parse
from reviewdesk.services import cases, imports, keys
from reviewdesk.services.base import ADMIN, require
from reviewdesk.workbook import Notice


def cmd_keys_recipient(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        print(keys.recipient(opened))
    return 0


def cmd_keys_signing_pub(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        sys.stdout.write(keys.signing_public_key(opened))
    return 0


def cmd_keys_generate(args: argparse.Namespace) -> int:
    password = None if args.without_password else read_secret(
        args.password_env, "Password for the secret key / 私钥口令: ", confirm=True, what="password")
    files = keys.generate_office_key(Path(args.secret_out), Path(args.public_out), password, office_name=args.office)
    if args.json:
        emit_json(files.to_json())
    else:
        print(f"key {files.key_id}: secret key {files.secret_key_file}"
              f"{'' if files.encrypted else ' (NOT encrypted)'}, public key {files.public_key_file}")
        print("Send the public key file to every workstation that receives your packages (keys trust-issuer); "
              "sign packages with: package build --sign-key SECRET-KEY-FILE")
    return 0


def cmd_keys_trust(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        require(opened, "keys.trust_issuer", ADMIN)  # the role before the file (exit 5 before 6)
        try:
            text = Path(args.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise ValidationError("FILE", f"cannot read {args.file}: {err}") from None
        info = keys.trust_issuer(opened, text, args.name)
    if args.json:
        emit_json(info.to_json())
    else:
        print(f"Trusted issuer {info.name} (key {info.key_id}).")
    return 0


def cmd_keys_issuers(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        rows = keys.list_issuers(opened)
    if args.json:
        emit_json([r.to_json() for r in rows])
    else:
        for r in rows:
            print(f"{r.key_id}\t{r.name}\tadded {r.added_at:%Y-%m-%d} by {r.added_by}")
    return 0


class _ProgressLine:
    """Progress on stderr when it is a terminal (scripts get no control characters)."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()

    def __call__(self, p: imports.Progress) -> None:
        if self.enabled and p.bytes_total:
            pct = 100 * p.bytes_done // p.bytes_total
            sys.stderr.write(f"\r{pct:3d}%  {p.bytes_done / 2**20:,.1f} / {p.bytes_total / 2**20:,.1f} MiB  files {p.files_done}/{p.files_total}")
            sys.stderr.flush()

    def done(self) -> None:
        if self.enabled:
            sys.stderr.write("\n")


def _report(result: imports.ImportResult, as_json: bool, warnings: list[str] | None = None) -> int:
    if as_json:
        emit_json({**result.to_json(), **({"warnings": warnings} if warnings is not None else {})})
    elif result.status == "already_imported":
        print(f"Package {result.package_id} was already imported; nothing changed.")
    else:
        signed = f"signed by {result.signed_by}" if result.signed_by else f"UNSIGNED ({result.unsigned_reason})"
        if result.kind == "roster":
            counts = ", ".join(f"{n} {what}" for what, n in (result.experts or {}).items())
            print(f"Imported roster package {result.package_id} ({signed}) into the expert pool: {counts}.")
            return 0
        print(
            f"Imported package {result.package_id} ({signed}): {result.cases} new case(s), "
            f"{result.updated_cases} updated, {result.documents} document(s), campaign {result.campaign_id}."
        )
    if not as_json:
        _print_warnings(warnings or [])
    return 0


def _print_warnings(warnings: list[str]) -> None:
    """Content of cases.xlsx that was not read: one line each, after the report."""
    for w in warnings:
        print(f"warning: {w}")


def cmd_import(args: argparse.Namespace) -> int:
    passphrase = read_secret(args.passphrase_env, "Package passphrase / 数据包口令: ", what="passphrase") if args.passphrase_env else None
    line = _ProgressLine()
    with open_as_user(args) as opened:
        try:
            result = imports.import_package(
                opened, Path(args.path), passphrase=passphrase, allow_unsigned=args.allow_unsigned,
                update_existing=args.update, progress=line,
            )
        finally:
            line.done()
    return _report(result, args.json)


def cmd_import_folder(args: argparse.Namespace) -> int:
    folder = Path(args.dir)
    notices: list[Notice] = []
    line = _ProgressLine()
    with open_as_user(args) as opened:
        require(opened, "package.import_folder", ADMIN)  # the role before the folder (exit 5 before 6)
        try:
            raw, files = spreadsheet.read_folder(folder, notices=notices)
            # A folder has no package id of its own: derive a stable one from its content, so importing the
            # same folder twice is noticed.
            raw["package_id"] = str(uuid.uuid5(uuid.NAMESPACE_URL, builder.content_key(raw)))
            manifest = parse(builder.manifest_bytes(raw))
        except (spreadsheet.SpreadsheetError, ManifestError) as err:
            raise ValidationError(str(folder / "cases.xlsx"), str(err)) from None
        try:
            result = imports.import_prepared(
                opened, manifest, builder.folder_members(files), str(folder), update_existing=args.update, progress=line
            )
        finally:
            line.done()
    return _report(result, args.json, [str(n) for n in notices])


def cmd_package_template(args: argparse.Namespace) -> int:
    spreadsheet.write_template(Path(args.out))
    print(f"Template written to {args.out}")
    return 0


def cmd_package_build(args: argparse.Namespace) -> int:
    folder = Path(args.from_dir)
    notices: list[Notice] = []
    if args.kind == "cases":
        try:
            raw, files = spreadsheet.read_folder(folder, notices=notices)
        except spreadsheet.SpreadsheetError as err:
            raise ValidationError(str(folder / "cases.xlsx"), str(err)) from None
    else:
        raw, files = builder.read_manifest_folder(folder, args.kind)
    try:
        signer = minisign.load_secret_key(
            Path(args.sign_key).read_text(encoding="utf-8"),
            read_secret(args.sign_key_password_env, "Signing key password / 签名私钥口令: ", what="password").encode()
            if args.sign_key_password_env or sys.stdin.isatty() else None,
        )
    except OSError as err:
        raise ValidationError("--sign-key", f"cannot read {args.sign_key}: {err}") from None
    except minisign.SignatureError as err:
        raise ValidationError("--sign-key", str(err)) from None
    try:
        recipients = [age.Recipient.from_str(r) for r in args.recipient]
    except age.AgeError as err:
        raise ValidationError("--recipient", str(err)) from None
    passphrase = read_secret(args.passphrase_env, "", what="passphrase") if args.passphrase_env else None
    if not recipients and passphrase is None:
        raise UsageError("give at least one --recipient age1… or --passphrase-env VAR")
    try:
        written = builder.build(raw, files, Path(args.out), signer=signer, recipients=recipients, passphrase=passphrase)
    except ManifestError as err:
        raise ValidationError("manifest", str(err)) from None
    if args.json:
        emit_json({"files": [str(p) for p in written], "package_id": raw["package_id"], "key_id": signer.key_id_hex(),
                   "warnings": [str(n) for n in notices]})
    else:
        print(f"Package {raw['package_id']} written: {', '.join(str(p) for p in written)}")
        _print_warnings([str(n) for n in notices])
    return 0


def cmd_cases_list(args: argparse.Namespace) -> int:
    flt = cases.CaseFilter(
        campaign_id=args.campaign, unit_code=args.unit, case_type=args.type, region_prefix=args.region,
        flags=tuple(args.flag or ()), text=args.text,
    )
    with open_as_user(args) as opened:
        rows = cases.list_cases(opened, flt)
    if args.json:
        emit_json([r.to_json() for r in rows])
    else:
        for r in rows:
            print(f"{r.id}\t{r.external_id}\t{r.case_number}\t{r.case_type}\t{r.unit_name}\t{r.title}")
    return 0


def cmd_cases_show(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        detail = cases.case_detail(opened, args.id)
    if args.json:
        emit_json(detail.to_json())
        return 0
    r = detail.row
    print(f"{r.external_id}  {r.case_number}\n{r.title}\n类型 {r.case_type}  案由 {detail.cause}  单位 {r.unit_name} ({r.region_code})")
    for h in detail.handlers:
        print(f"  承办人 {h['name']}（{h['role']}）")
    for p in detail.parties:
        print(f"  当事人 {p['name']}（{p['role']}）")
    for d in detail.documents:
        print(f"  文件 #{d.id} {d.title}  {d.media_type}  {d.size} bytes  [{d.text_status}]")
    return 0


def cmd_docs_export(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        out = cases.export_document(opened, args.id, Path(args.out))
    print(f"Document {args.id} written to {out}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with open_as_user(args) as opened:
        hits = cases.search(opened, args.query, limit=args.limit)
    if args.json:
        emit_json([h.to_json() for h in hits])
    else:
        for h in hits:
            page = f"p. {h.page}" if h.page else "-"
            print(f"{h.kind}\t{h.ref_id}\tcase {h.case_id}\t{h.case_number}\t{h.title}\t{page}\t{h.snippet}")
    return 0
