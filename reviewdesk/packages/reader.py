"""Reading a package in the contract's order: decrypt → manifest → signature → validate → members.

Nothing here touches the store; the importer consumes `files()` inside its transaction and commits only
after `finish()` has proved the whole stream authentic and complete (age releases plaintext before it can
know the stream is whole).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import BinaryIO

from reviewdesk.packages import age, minisign
from reviewdesk.packages.manifest import MAX_MANIFEST_BYTES, FileRecord, Manifest, ManifestError, parse
from reviewdesk.packages.oneline import escape
from reviewdesk.packages.paths import fold, path_problem
from reviewdesk.packages.tarstream import Member, TarError, TarReader

MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.minisig"
MAX_SIGNATURE_BYTES = 4096


class PackageError(ValueError):
    """Why a package is refused. `where` names the member or manifest field; `code` is a stable category."""

    def __init__(self, code: str, reason: str, where: str | None = None) -> None:
        reason, where = escape(reason), (escape(where) if where is not None else None)  # member names are data
        super().__init__(f"{where}: {reason}" if where else reason)
        self.code = code
        self.reason = reason
        self.where = where


@dataclass(frozen=True)
class Verified:
    manifest: Manifest
    manifest_bytes: bytes
    signed_by: str | None  # key id of the trusted issuer that signed it; None when allowed unsigned
    signature_problem: str | None  # why it counts as unsigned (missing, untrusted signer), if it does


class PackageReader:
    def __init__(
        self,
        source: BinaryIO,
        *,
        identities: list[age.Identity],
        passphrase: str | None,
        trusted: Mapping[str, minisign.PublicKey],
        allow_unsigned: bool,
        on_bytes: Callable[[int], None] | None = None,
    ) -> None:
        self._source = source
        self._identities = identities
        self._passphrase = passphrase
        self._trusted = trusted
        self._allow_unsigned = allow_unsigned
        self._on_bytes = on_bytes
        self._tar: TarReader | None = None
        self._pending: Member | None = None
        self.verified: Verified | None = None

    # -- the header part ------------------------------------------------------------------------------
    def open(self) -> Verified:
        try:
            stream = age.Decryptor(self._source, identities=self._identities, passphrase=self._passphrase)
        except age.AgeError as err:
            raise PackageError("age", f"cannot decrypt: {err}") from None
        self._tar = TarReader(stream, on_bytes=self._on_bytes)  # type: ignore[arg-type]
        first = self._next_member()
        if first is None or first.name != MANIFEST or first.is_dir:
            raise PackageError("order", f"the first member must be {MANIFEST}", first.name if first else None)
        if first.size > MAX_MANIFEST_BYTES:
            raise PackageError("limit", "larger than 64 MiB", MANIFEST)
        manifest_bytes = self._read_all()
        second = self._next_member()
        signature_text: str | None = None
        if second is not None and second.name == SIGNATURE and not second.is_dir:
            if second.size > MAX_SIGNATURE_BYTES:
                raise PackageError("signature", "signature file larger than 4 KiB", SIGNATURE)
            try:
                signature_text = self._read_all().decode("utf-8")
            except UnicodeDecodeError:
                raise PackageError("signature", "signature file is not UTF-8 text", SIGNATURE) from None
        elif second is not None and second.name == MANIFEST:
            # A repeated manifest in the signature's place is a duplicate, not a missing signature: an admin's
            # one-time permission for unsigned packages must not be asked for a package that is malformed anyway.
            raise PackageError("duplicate", "member appears twice", MANIFEST)
        else:
            self._pending = second
        signed_by, problem = self._check_signature(manifest_bytes, signature_text)
        try:
            manifest = parse(manifest_bytes)
        except ManifestError as err:
            raise PackageError("manifest", err.reason, f"{MANIFEST}: {err.where}" if err.where else MANIFEST) from None
        if signed_by is not None and manifest.issuer_key_id != signed_by:
            raise PackageError(
                "signature", f"manifest names issuer key {manifest.issuer_key_id} but was signed by {signed_by}", "issuer.key_id"
            )
        self.verified = Verified(manifest, manifest_bytes, signed_by, problem)
        return self.verified

    def _check_signature(self, manifest_bytes: bytes, signature_text: str | None) -> tuple[str | None, str | None]:
        if signature_text is None:
            if self._allow_unsigned:
                return None, "not signed"
            raise PackageError("unsigned", "the package is not signed (no manifest.json.minisig); an admin may allow it for one import")
        try:
            key_id = minisign.format_key_id(minisign.parse_signature(signature_text).key_id)
        except minisign.SignatureError as err:
            raise PackageError("signature", str(err), SIGNATURE) from None
        public = self._trusted.get(key_id)
        if public is None:
            if self._allow_unsigned:
                return None, f"signed by untrusted key {key_id}"
            raise PackageError("untrusted", f"signed by key {key_id}, which is not a trusted issuer on this workstation", SIGNATURE)
        try:
            minisign.verify(public, manifest_bytes, signature_text)
        except minisign.SignatureError as err:
            raise PackageError("signature", f"signature does not verify: {err}", SIGNATURE) from None
        return key_id, None

    # -- members ----------------------------------------------------------------------------------------
    def _next_member(self) -> Member | None:
        assert self._tar is not None
        try:
            member = self._tar.next()
        except TarError as err:
            raise PackageError("tar", err.reason, err.member) from None
        except age.AgeError as err:
            raise PackageError("age", f"decryption failed: {err}") from None
        if member is not None:
            reason = path_problem(member.name)
            if reason:
                raise PackageError("path", reason, member.name)
        return member

    def _read_chunks(self) -> Iterator[bytes]:
        assert self._tar is not None
        while True:
            try:
                data = self._tar.read()
            except TarError as err:
                raise PackageError("tar", err.reason) from None
            except age.AgeError as err:
                raise PackageError("age", f"decryption failed: {err}") from None
            if not data:
                return
            yield data

    def _read_all(self) -> bytes:
        return b"".join(self._read_chunks())

    def files(self) -> Iterator[tuple[FileRecord, Iterator[bytes]]]:
        """Each listed file in archive order, with its content as chunks. A chunk iterator raises
        PackageError at its end if the size or SHA-256 differ from the manifest."""
        assert self.verified is not None, "open() first"
        listed = {f.path: f for f in self.verified.manifest.files}
        folded = {fold(p): p for p in listed}
        parents = {"/".join(p.split("/")[:i]) for p in listed for i in range(1, p.count("/") + 1)}
        seen: set[str] = set()
        while True:
            member = self._pending if self._pending is not None else self._next_member()
            self._pending = None
            if member is None:
                break
            if member.is_dir:
                if member.name not in parents:
                    raise PackageError("extra", "directory entry outside the listed paths", member.name)
                continue
            record = listed.get(member.name)
            if record is None:
                twin = folded.get(fold(member.name))
                if twin is not None:
                    raise PackageError("duplicate", f"differs only by case from the listed {twin!r}", member.name)
                raise PackageError("extra", "member is not listed in the manifest", member.name)
            if member.name in seen:
                raise PackageError("duplicate", "member appears twice", member.name)
            seen.add(member.name)
            if member.size != record.size:
                raise PackageError("size", f"has {member.size} bytes; the manifest says {record.size}", member.name)
            yield record, self._checked(record)
        missing = [f.path for f in self.verified.manifest.files if f.path not in seen]
        if missing:
            raise PackageError("missing", f"{len(missing)} listed file(s) missing from the archive", missing[0])

    def _checked(self, record: FileRecord) -> Iterator[bytes]:
        digest = hashlib.sha256()
        for chunk in self._read_chunks():
            digest.update(chunk)
            yield chunk
        if digest.hexdigest() != record.sha256:
            raise PackageError("hash", "SHA-256 does not match the manifest", record.path)

    def authenticate(self, on_bytes: Callable[[int], None] | None = None) -> None:
        """Read every remaining member to its end — each one's size and SHA-256, then the end of the archive and
        of the age stream — keeping nothing (a package already imported is still proved intact or damaged)."""
        for _record, chunks in self.files():
            for chunk in chunks:
                if on_bytes is not None:
                    on_bytes(len(chunk))
        self.finish()

    def finish(self) -> None:
        """Read to the end: only tar padding may follow, and the age stream must end with its final chunk."""
        assert self._tar is not None
        try:
            self._tar.finish()
        except TarError as err:
            raise PackageError("tar", err.reason) from None
        except age.AgeError as err:
            raise PackageError("age", f"decryption failed: {err}") from None
