"""Building packages exactly as the contract says, for organising offices (and for our own tests).

Members: manifest.json, manifest.json.minisig, then the files, in a POSIX pax tar streamed through age
into the output; split into 4,000,000,000-byte parts only when larger than one part.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from reviewdesk.packages import age, minisign
from reviewdesk.packages.manifest import FileRecord, ManifestError, parse
from reviewdesk.packages.parts import PART_SIZE
from reviewdesk.packages.paths import path_problem
from reviewdesk.packages.reader import PackageError
from reviewdesk.security.atomic import fsync_dir, remove_quietly


class _PartWriter(io.RawIOBase):
    """Writes NAME.rdpkg.NNN.partial files of at most PART_SIZE bytes; `finish()` gives them final names."""

    def __init__(self, out: Path, part_size: int = PART_SIZE) -> None:
        super().__init__()
        self.out = out
        self.part_size = part_size
        self.paths: list[Path] = []
        self._fh: BinaryIO | None = None
        self._in_part = 0

    def writable(self) -> bool:
        return True

    def _open_next(self) -> None:
        if self._fh is not None:
            self._close_part()
        path = self.out.with_name(f"{self.out.name}.{len(self.paths) + 1:03d}.partial")
        self.paths.append(path)
        self._fh = open(path, "wb")
        self._in_part = 0

    def _close_part(self) -> None:
        assert self._fh is not None
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        self._fh = None

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(data).cast("B")
        written = 0
        while written < len(view):
            if self._fh is None or self._in_part == self.part_size:
                self._open_next()
            assert self._fh is not None
            n = min(len(view) - written, self.part_size - self._in_part)
            self._fh.write(view[written : written + n])
            self._in_part += n
            written += n
        return written

    def finish(self) -> list[Path]:
        if self._fh is None:
            self._open_next()
        self._close_part()
        if len(self.paths) == 1:
            finals = [self.out]
        else:
            finals = [self.out.with_name(f"{self.out.name}.{i:03d}") for i in range(1, len(self.paths) + 1)]
        for tmp, final in zip(self.paths, finals, strict=True):
            os.replace(tmp, final)
        fsync_dir(self.out.parent)
        return finals

    def abort(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        for path in self.paths:
            remove_quietly(path)


def _tarinfo(name: str, size: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mode = 0o644
    info.mtime = 0
    info.uname = info.gname = ""
    return info


def build(
    manifest: dict[str, Any],
    files: list[tuple[Path | bytes, dict[str, Any]]],
    out: Path,
    *,
    signer: minisign.SigningKey | None,
    recipients: list[age.Recipient],
    passphrase: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    part_size: int = PART_SIZE,
) -> list[Path]:
    """Write the package; returns the file(s) written. Each file is a path on disk or its bytes in memory.
    The manifest is validated by the importers' parser first, so the builder cannot produce what a workstation
    would refuse."""
    if signer is not None:
        manifest = {**manifest, "issuer": {**manifest["issuer"], "key_id": signer.key_id_hex()}}
    data = manifest_bytes(manifest)
    parse(data)
    signature = (
        signer.sign(data, trusted_comment=f"package_id:{manifest['package_id']}", untrusted_comment="ReviewDesk package manifest").encode("utf-8")
        if signer is not None
        else None
    )
    total = sum(entry["size"] for _p, entry in files)
    done = 0
    writer = _PartWriter(out, part_size)
    try:
        with age.open_encryptor(writer, recipients=recipients, passphrase=passphrase) as encrypted:
            with tarfile.open(fileobj=encrypted, mode="w|", format=tarfile.PAX_FORMAT) as tar:
                tar.addfile(_tarinfo("manifest.json", len(data)), io.BytesIO(data))
                if signature is not None:
                    tar.addfile(_tarinfo("manifest.json.minisig", len(signature)), io.BytesIO(signature))
                for disk, entry in files:
                    if isinstance(disk, bytes):  # made in memory (results packages): never written out in plaintext
                        tar.addfile(_tarinfo(entry["path"], entry["size"]), io.BytesIO(disk))
                        done += entry["size"]
                        if progress:
                            progress(done, total)
                        continue
                    with open(disk, "rb") as fh:
                        tar.addfile(_tarinfo(entry["path"], entry["size"]), fh)
                    done += entry["size"]
                    if progress:
                        progress(done, total)
        return writer.finish()
    except BaseException:
        writer.abort()
        raise


def manifest_bytes(manifest: dict[str, Any]) -> bytes:
    return json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")


def content_key(manifest: dict[str, Any]) -> str:
    """What identifies a folder's content regardless of when it was read (for a stable package id)."""
    stable = {k: v for k, v in manifest.items() if k not in ("package_id", "created_at")}
    return json.dumps(stable, ensure_ascii=False, sort_keys=True)


def folder_members(files: list[tuple[Path, dict[str, Any]]]) -> Iterator[tuple[FileRecord, Iterator[bytes]]]:
    """Files of a plain folder as the importer consumes package members, re-checking size and hash."""
    for disk, entry in files:
        record = FileRecord(entry["path"], entry["size"], entry["sha256"], entry["media_type"], entry["case_id"], entry["title"])
        yield record, _read_checked(disk, record)


def _read_checked(disk: Path, record: FileRecord) -> Iterator[bytes]:
    digest = hashlib.sha256()
    size = 0
    with open(disk, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
            yield chunk
    if size != record.size or digest.hexdigest() != record.sha256:
        raise PackageError("hash", "the file changed while it was being imported", record.path)


def read_manifest_folder(folder: Path, kind: str) -> tuple[dict[str, Any], list[tuple[Path, dict[str, Any]]]]:
    """DIR/manifest.json written by an office's own tooling; sizes and hashes are filled in from DIR."""
    from reviewdesk.packages.manifest import load_json

    path = folder / "manifest.json"
    try:
        raw = load_json(path.read_bytes())
    except FileNotFoundError:
        raise ManifestError("", f"no cases.xlsx or manifest.json in {folder}") from None
    if raw.get("kind") != kind:
        raise ManifestError("kind", f"is {raw.get('kind')!r} but --kind {kind} was asked for")
    files = []
    for i, entry in enumerate(raw.get("files") or []):
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str) or path_problem(entry["path"]):
            raise ManifestError(f"files[{i}].path", "missing or not an allowed path")
        disk = folder / entry["path"]
        if not disk.is_file() or disk.is_symlink():
            raise ManifestError(f"files[{i}].path", f"file not found in {folder}")
        digest = hashlib.sha256()
        with open(disk, "rb") as fh:
            while chunk := fh.read(1 << 20):
                digest.update(chunk)
        entry.update(size=disk.stat().st_size, sha256=digest.hexdigest())
        files.append((disk, entry))
    return raw, files
