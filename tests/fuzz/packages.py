"""Seeded mutation fuzzer for packages: every layer of a valid cases package is mutated, and each mutant must be
either refused (PackageRejected, exit 10, or another ReviewDeskError) with the store exactly as it was, or — if
still valid — imported whole and correctly.

Layers: the age file (bit flips, truncation, cut/inserted/appended bytes, swapped chunks, header lines), the tar
stream (header fields with a recomputed checksum, pax records, member order, duplicates, missing and extra
members, directories, the end of the archive), the manifest (JSON values, keys, types, characters; re-signed with
the trusted office key so that it reaches validation; case and roster manifests), the signature, and replays of an
imported package (an intact copy is "already imported", a damaged one refused).

`campaign(seed, count, workdir)` is the entry point for tests/test_fuzz_packages.py (a few hundred mutants) and
bench/reliability.py (thousands). Mutant `i` of seed `s` is built from `random.Random(f"{s}:{i}")` alone, so
one failure is reproduced with the same seed whatever the count.
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
import random
import resource
import shutil
import tarfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reviewdesk.errors import ReviewDeskError
from reviewdesk.packages import age, minisign
from reviewdesk.services import cases, imports, keys
from reviewdesk.workspace import OpenWorkspace, Workspace
from tests.helpers import raw_connect
from tests.packaging import Contents, sample_contents, valid_id

KIND = "packages"
ADMIN, ADMIN_PW = "admin", "admin-pass-2026"
BLOCK = 512
CHUNK = 64 * 1024
_NOT_HASHED = {"audit_entries", "audit_head", "audit_checkpoints"}  # a refusal is audited on purpose


# -- what one mutant is and expects ----------------------------------------------------------------------------
@dataclass
class Mutant:
    name: str  # operator and detail, for the failure report
    data: bytes  # the package file
    manifest: dict[str, Any] | None  # as signed (None: unchanged base)
    must_reject: bool = False
    codes: frozenset[str] | None = None  # allowed refusal codes; None: any
    already: bool = False  # an intact replay: "already imported", store unchanged


@dataclass
class _World:
    ws: OpenWorkspace
    office: minisign.SigningKey
    stranger: minisign.SigningKey
    recipient: age.Recipient
    base: Contents
    imported: list[tuple[bytes, dict[str, Any]]] = field(default_factory=list)  # accepted packages, for replays


# -- building packages -----------------------------------------------------------------------------------------
def _fresh(world: _World, rng: random.Random) -> Contents:
    """The base package with a new package id and case ids, so that a valid mutant imports cleanly."""
    c = world.base.copy()
    tag = f"F{rng.randrange(16**8):08X}"
    m = c.manifest
    m["package_id"] = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    m["issuer"]["key_id"] = world.office.key_id_hex()
    renames = {case["id"]: f"{tag}-{i}" for i, case in enumerate(m["cases"])}
    for case in m["cases"]:
        case["id"] = renames[case["id"]]
    for f in m["files"]:
        f["case_id"] = renames[f["case_id"]]
    return c


def _manifest_bytes(m: dict[str, Any]) -> bytes:
    return json.dumps(m, ensure_ascii=False, indent=1).encode("utf-8")


def _sign(key: minisign.SigningKey, data: bytes) -> bytes:
    return key.sign(data, trusted_comment="fuzz", untrusted_comment="fuzz").encode()


def _entry(name: str, data: bytes, *, kind: bytes = tarfile.REGTYPE, pax: dict[str, str] | None = None, linkname: str = "") -> bytes:
    """One tar member as bytes (pax headers if needed, the ustar header, the data and its padding)."""
    info = tarfile.TarInfo(name)
    info.type = kind
    info.size = len(data) if kind == tarfile.REGTYPE else 0
    info.mtime = 0
    info.linkname = linkname
    if pax:
        info.pax_headers = pax
    header = info.tobuf(tarfile.PAX_FORMAT, "utf-8", "surrogateescape")
    body = data if kind == tarfile.REGTYPE else b""
    return header + body + bytes(-len(body) % BLOCK)


def _members(c: Contents, manifest: bytes, signature: bytes | None) -> list[bytes]:
    members = [_entry("manifest.json", manifest)]
    if signature is not None:
        members.append(_entry("manifest.json.minisig", signature))
    members += [_entry(path, data) for path, data in c.files.items()]
    return members


def _tar(members: list[bytes], end: bytes = bytes(2 * BLOCK)) -> bytes:
    return b"".join(members) + end


def _encrypt(world: _World, plain: bytes) -> bytes:
    out = io.BytesIO()
    age.encrypt_stream(io.BytesIO(plain), out, recipients=[world.recipient])
    return out.getvalue()


def _valid(world: _World, rng: random.Random) -> tuple[Contents, bytes, list[bytes]]:
    c = _fresh(world, rng)
    manifest = _manifest_bytes(c.manifest)
    return c, manifest, _members(c, manifest, _sign(world.office, manifest))


def _rechecksum(header: bytearray) -> None:
    header[148:156] = b" " * 8
    header[148:156] = b"%06o\0 " % sum(header[:BLOCK])


def _ustar_offsets(member: bytes) -> list[int]:
    """Offsets of the header blocks inside one member (pax header, then the ustar header of the member)."""
    offsets, pos = [], 0
    while pos < len(member):
        offsets.append(pos)
        typeflag = member[pos + 156 : pos + 157]
        size = int(member[pos + 124 : pos + 136].rstrip(b"\0 ") or b"0", 8)
        pos += BLOCK + size + (-size % BLOCK)
        if typeflag not in (b"x", b"g"):
            break
    return offsets


# -- the age layer ---------------------------------------------------------------------------------------------
AGE_CODES = frozenset({"age"})


def _age_mutant(world: _World, rng: random.Random) -> Mutant:
    c, _manifest, members = _valid(world, rng)
    data = bytearray(_encrypt(world, _tar(members)))
    header_end = data.index(b"\n", data.index(b"\n---") + 1) + 1
    op = rng.choice(["flip", "flip_header", "truncate", "cut_chunk_end", "append", "insert", "delete", "swap_chunks",
                     "header_line", "empty"])
    if op == "flip":
        pos = rng.randrange(len(data))
        data[pos] ^= 1 << rng.randrange(8)
        detail = f"{op}@{pos}"
    elif op == "flip_header":
        pos = rng.randrange(header_end)
        data[pos] ^= 1 << rng.randrange(8)
        detail = f"{op}@{pos}"
    elif op == "truncate":
        pos = rng.randrange(len(data))
        del data[pos:]
        detail = f"{op}@{pos}"
    elif op == "cut_chunk_end":  # a cut exactly after a full chunk (16-byte nonce, then chunks of 64 KiB + tag)
        n = rng.randrange(1, max(2, (len(data) - header_end - 16) // (CHUNK + 16) + 1))
        pos = header_end + 16 + n * (CHUNK + 16)
        del data[pos:]
        detail = f"{op}@{n}"
    elif op == "append":
        extra = rng.choice([b"\0", b"\0" * 16, rng.randbytes(rng.randrange(1, 64)), b"\n"])
        data += extra
        detail = f"{op}+{len(extra)}"
    elif op == "insert":
        pos = rng.randrange(len(data))
        data[pos:pos] = rng.randbytes(rng.randrange(1, 17))
        detail = f"{op}@{pos}"
    elif op == "delete":
        pos = rng.randrange(len(data))
        del data[pos : pos + rng.randrange(1, 17)]
        detail = f"{op}@{pos}"
    elif op == "swap_chunks":
        start = header_end + 16
        n = (len(data) - start) // (CHUNK + 16)
        if n >= 2:
            i, j = rng.sample(range(n), 2)
            a, b = start + i * (CHUNK + 16), start + j * (CHUNK + 16)
            ca, cb = bytes(data[a : a + CHUNK + 16]), bytes(data[b : b + CHUNK + 16])
            data[a : a + CHUNK + 16], data[b : b + CHUNK + 16] = cb, ca
        else:
            data[-1] ^= 0x80
        detail = op
    elif op == "header_line":
        lines = bytes(data[:header_end]).split(b"\n")
        k = rng.randrange(len(lines) - 1)
        lines.insert(k, rng.choice([lines[k], b"-> X25519", b"-> scrypt AAAA 10", b"", b"-> " + b"A" * 80]))
        data[:header_end] = b"\n".join(lines)
        detail = f"{op}@{k}"
    else:
        data = bytearray()
        detail = op
    # Any change of an age file is detected (AEAD chunks, header MAC): it must be refused.
    return Mutant(f"age:{detail}", bytes(data), c.manifest, must_reject=True, codes=AGE_CODES)


# -- the tar layer ---------------------------------------------------------------------------------------------
_TYPEFLAGS = [b"0", b"\0", b"1", b"2", b"3", b"4", b"5", b"6", b"7", b"L", b"K", b"S", b"V", b"M", b"x", b"g", b"Z"]
_PAX_CHANGING = [
    {"GNU.sparse.major": "1", "GNU.sparse.minor": "0", "GNU.sparse.name": "a", "GNU.sparse.realsize": "99"},
    {"GNU.sparse.map": "0,10"}, {"GNU.sparse.numblocks": "1"}, {"GNU.sparse.offset": "0"}, {"GNU.sparse.size": "5"},
    {"linkpath": "/etc/passwd"}, {"SCHILY.filetype": "symlink"}, {"SCHILY.devmajor": "1"}, {"SCHILY.realsize": "7"},
    {"GNU.volume.label": "v"}, {"hdrcharset": "BINARY"}, {"unknown.key": "x"}, {"size": "+3"}, {"size": "1_0"},
    {"size": " 3"}, {"path": "../evil"}, {"path": "cases/x\u0085y"}, {"path": "manifest.json"},
]
_PAX_HARMLESS = [{"mtime": "1700000000.25"}, {"comment": "注释"}, {"uname": "张三", "gname": "staff"},
                 {"SCHILY.xattr.user.x": "1"}, {"atime": "1", "ctime": "2"}]


def _tar_mutant(world: _World, rng: random.Random) -> Mutant:
    c, manifest, members = _valid(world, rng)
    files = list(c.files.items())
    first_file = 2  # members[0] manifest, [1] signature
    end = bytes(2 * BLOCK)
    op = rng.choice(["header_field", "header_flip", "pax_changing", "pax_harmless", "swap_files", "manifest_not_first",
                     "signature_third", "duplicate", "drop", "extra", "dir_parent", "dir_other", "case_twin",
                     "data_flip", "end_missing", "one_zero_block", "garbage_after_end", "zeros_after_end", "truncate"])
    must, codes = True, None
    detail = op
    if op == "header_field":
        k = rng.randrange(len(members))
        member = bytearray(members[k])
        offsets = _ustar_offsets(bytes(member))
        at = offsets[-1]
        header = bytearray(member[at : at + BLOCK])
        fld = rng.choice(["typeflag", "size", "magic", "version", "linkname", "name", "mode", "prefix", "size_octal_prefix"])
        if fld == "typeflag":
            header[156:157] = rng.choice(_TYPEFLAGS)
        elif fld == "size":
            size = int(header[124:136].rstrip(b"\0 ") or b"0", 8)
            header[124:136] = b"%011o\0" % max(0, size + rng.choice([-513, -1, 1, 512, 10**6]))
        elif fld == "magic":
            header[257:265] = rng.choice([b"ustar  \0", b"\0" * 8, b"USTAR\x0000"])
        elif fld == "version":
            header[263:265] = rng.choice([b"01", b"  ", b"\0\0"])
        elif fld == "linkname":
            header[157:257] = b"target".ljust(100, b"\0")
        elif fld == "name":
            header[0:100] = rng.choice([b"../x", b"/abs", b"a\\b", b"x\x85y", b"CON", b"\xff\xfe"]).ljust(100, b"\0")
        elif fld == "mode":
            header[100:108] = rng.choice([b"0004755\0", b"0007777\0", b"9999999\0"])
        elif fld == "prefix":
            header[345:500] = b"other".ljust(155, b"\0")
        else:
            header[124:136] = b"0o000000017\0"
        _rechecksum(header)
        member[at : at + BLOCK] = header
        members[k] = bytes(member)
        detail = f"{op}:{fld}@{k}"
        # A harmless change (mode, a name or prefix that a pax path overrides) may stay valid; it must then
        # import whole.
        must = fld not in ("mode", "name", "prefix") and not (fld == "typeflag" and header[156:157] in (b"0", b"\0"))
    elif op == "header_flip":
        k = rng.randrange(len(members))
        member = bytearray(members[k])
        pos = rng.choice(_ustar_offsets(bytes(member))) + rng.randrange(BLOCK)
        member[pos] ^= 1 << rng.randrange(8)
        members[k] = bytes(member)
        detail = f"{op}@{k}:{pos}"
        must = False  # a flip in an unused field and its checksum can both hold; then the package is valid
    elif op in ("pax_changing", "pax_harmless"):
        k = rng.randrange(first_file, len(members))
        path, data = files[k - first_file]
        records = rng.choice(_PAX_CHANGING if op == "pax_changing" else _PAX_HARMLESS)
        members[k] = _entry(path, data, pax=records)
        detail = f"{op}:{sorted(records)}"
        must = op == "pax_changing"
    elif op == "swap_files":
        i, j = rng.sample(range(first_file, len(members)), 2)
        members[i], members[j] = members[j], members[i]
        must = False  # any order of the listed files is allowed
    elif op == "manifest_not_first":
        members.insert(rng.randrange(1, len(members)), members.pop(0))
        codes = frozenset({"order"})
    elif op == "signature_third":
        members.insert(rng.randrange(2, len(members)), members.pop(1))
        codes = frozenset({"unsigned"})
    elif op == "duplicate":
        k = rng.randrange(len(members))
        members.insert(rng.randrange(k, len(members)) + 1, members[k])
        codes = frozenset({"duplicate", "extra"})
    elif op == "drop":
        k = rng.randrange(first_file, len(members))
        del members[k]
        codes = frozenset({"missing"})
    elif op == "extra":
        members.insert(rng.randrange(first_file, len(members) + 1), _entry(rng.choice(["extra.txt", "cases/x.pdf", "a/b/c"]), b"x"))
        codes = frozenset({"extra"})
    elif op == "dir_parent":
        members.insert(rng.randrange(first_file, len(members) + 1), _entry("cases", b"", kind=tarfile.DIRTYPE))
        must = False
    elif op == "dir_other":
        members.insert(rng.randrange(first_file, len(members) + 1), _entry("elsewhere", b"", kind=tarfile.DIRTYPE))
        codes = frozenset({"extra"})
    elif op == "case_twin":
        path, data = files[0]
        members.append(_entry(path.upper(), data))
        codes = frozenset({"duplicate"})
    elif op == "data_flip":
        k = rng.randrange(first_file, len(members))
        member = bytearray(members[k])
        at = _ustar_offsets(bytes(member))[-1] + BLOCK
        size = len(files[k - first_file][1])
        member[at + rng.randrange(size)] ^= 1 << rng.randrange(8)
        members[k] = bytes(member)
        codes = frozenset({"hash"})
    elif op == "end_missing":
        end = b""
        codes = frozenset({"tar"})
    elif op == "one_zero_block":
        end = bytes(BLOCK)
        codes = frozenset({"tar"})
    elif op == "garbage_after_end":
        end += rng.randbytes(rng.randrange(1, 600)).replace(b"\0", b"\1") or b"\1"
        codes = frozenset({"tar"})
    elif op == "zeros_after_end":
        end += bytes(rng.choice([1, 512, 9216]))
        must = False
    else:
        plain = _tar(members, end)
        cut = rng.randrange(len(plain) - 2 * BLOCK)
        return Mutant(f"tar:{op}@{cut}", _encrypt(world, plain[:cut]), c.manifest, must_reject=True)
    return Mutant(f"tar:{detail}", _encrypt(world, _tar(members, end)), c.manifest, must_reject=must, codes=codes)


# -- the manifest layer (re-signed with the trusted key) -------------------------------------------------------
ROSTER_EXPERTS: list[dict[str, Any]] = [
    {"id": "EXP-0001", "name": "赵某", "id_number": valid_id(), "gender": "女", "profession": "judge",
     "unit": {"code": "GS-TS-ZY", "name": "天水市中级人民法院", "kind": "court", "region_code": "620500"},
     "specialties": ["civil", "enforcement"], "phone": "0938-0000000",
     "relations": [{"kind": "near_relative", "name": "李某", "id_number": None, "note": "配偶"}],
     "former_units": [{"code": "GS-CGQ-FY", "until": "2019-06-30"}]},
    {"id": "EXP-0002", "name": "钱某", "profession": "lawyer",
     "unit": {"code": "GS-LS-01", "name": "某律师事务所", "kind": "other", "region_code": "620102"},
     "specialties": [], "relations": [], "former_units": []},
]
_VALUES: list[Any] = [None, True, False, 0, 1, -1, 1.0, 2.5, 10**20, 1e308, "", " ", "1", "x", "x" * 300, [], {}, [None],
                      {"a": 1}, "\n", "a\nb", "a\x85b", "a\x9bb", "a\tb", "\x00", "\u202e", "Cafe\u0301", "２０２１",
                      "2021-02-30", "2021-03-02", "GS-1\n", "../x", "CON.txt", "a//b", "C:/x", "a\\b", "cases/ok.pdf"]
_KEYS = ["extra", "Kind", "", " ", "kind ", "a\nb", "\u0085"]
SURROGATE = "@@SURROGATE@@"


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for k, v in value.items():
            found += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += _paths(v, (*prefix, i))
    return found


def _parent(m: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        m = m[part]
    return m


def _nested(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = [value]
    return value


def _roster(world: _World, rng: random.Random) -> Contents:
    """A roster package (no files) with new expert ids."""
    tag = f"E{rng.randrange(16**8):08X}"
    experts = copy.deepcopy(ROSTER_EXPERTS)
    for i, e in enumerate(experts):
        e["id"] = f"{tag}-{i}"
    return Contents({
        "format": "reviewdesk-package", "version": 1, "kind": "roster",
        "package_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "created_at": "2026-11-20T10:00:00+08:00",
        "issuer": {"name": "某省委政法委", "key_id": world.office.key_id_hex()}, "cases": [], "experts": experts, "files": [],
    })


def _roster_mutant(world: _World, rng: random.Random) -> Mutant:
    return _manifest_mutant(world, rng, roster=True)


def _manifest_mutant(world: _World, rng: random.Random, *, roster: bool = False) -> Mutant:
    c = _roster(world, rng) if roster else _fresh(world, rng)
    m = c.manifest
    paths = _paths(m)
    file_ops = [] if roster else ["volume", "path", "size", "sha"]
    op = rng.choice(["value", "value", "value", "delete", "add_key", "rename_key", "surrogate", "deep", "duplicate_key",
                     "bytes_flip", "kind", "version", *file_ops])
    raw: bytes | None = None
    must = False  # many value changes are still valid; the oracle then checks the import
    codes: frozenset[str] | None = None
    if op == "value":
        path = rng.choice(paths)
        _parent(m, path)[path[-1]] = copy.deepcopy(rng.choice(_VALUES))
        detail = f"{op}:{'/'.join(map(str, path))}"
    elif op == "delete":
        path = rng.choice([p for p in paths if isinstance(p[-1], str)])
        del _parent(m, path)[path[-1]]
        detail = f"{op}:{'/'.join(map(str, path))}"
    elif op == "add_key":
        dicts = [()] + [p for p in paths if isinstance(_parent(m, (*p, "x")), dict)]
        where = rng.choice(dicts)
        _parent(m, (*where, "x"))[rng.choice(_KEYS)] = 1
        detail, must = f"{op}:{'/'.join(map(str, where))}", True
    elif op == "rename_key":
        path = rng.choice([p for p in paths if isinstance(p[-1], str)])
        parent = _parent(m, path)
        parent[path[-1] + rng.choice(["_", "\n", "\u0085", "X"])] = parent.pop(path[-1])
        detail, must = f"{op}:{'/'.join(map(str, path))}", True
    elif op == "surrogate":
        path = rng.choice([p for p in paths if isinstance(_parent(m, p)[p[-1]], str)])
        _parent(m, path)[path[-1]] = rng.choice(["", "张"]) + SURROGATE
        detail, must = f"{op}:{'/'.join(map(str, path))}", True
    elif op == "deep":  # deeper than the examples, but within what json.loads itself takes (safe_json's limit)
        path = rng.choice(paths)
        _parent(m, path)[path[-1]] = _nested(rng.choice([3, 20, 200]))
        detail, must = f"{op}:{'/'.join(map(str, path))}", True
    elif op == "duplicate_key":
        kind = f'"kind": "{m["kind"]}",'.encode()
        raw = _manifest_bytes(m).replace(kind, kind + b" " + kind, 1)
        detail, must, codes = op, True, frozenset({"manifest"})
    elif op == "bytes_flip":
        data = bytearray(_manifest_bytes(m))
        for _ in range(rng.randrange(1, 4)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        raw = bytes(data)
        detail = op
    elif op == "volume":
        value = rng.choice([1, 2, 100_000, 0, -1, True, 1.0, "1", None, 10**6])
        m["files"][rng.randrange(len(m["files"]))]["volume"] = value
        detail = f"{op}:{value!r}"
        must = not (type(value) is int and 1 <= value <= 100_000) and value is not None
    elif op == "path":
        f = m["files"][rng.randrange(len(m["files"]))]
        f["path"] = rng.choice(["../x", "a//b", "CON.txt", "x\u0085y", "x\u009by", "C:/x", "a\\b", "/abs", "x.", "x ",
                                "Cafe\u0301", "a/" * 130, "manifest.json", f["path"].upper()])
        detail, must = f"{op}:{f['path'][:20]!r}", True
    elif op == "size":
        f = m["files"][rng.randrange(len(m["files"]))]
        f["size"] = max(0, f["size"] + rng.choice([-1, 1, 4096]))
        detail, must, codes = op, True, frozenset({"size"})
    elif op == "sha":
        f = m["files"][rng.randrange(len(m["files"]))]
        f["sha256"] = rng.choice(["0" * 64, f["sha256"].upper(), f["sha256"][:-1], f["sha256"] + "0"])
        detail, must = op, True
    elif op == "kind":
        m["kind"] = rng.choice(["cases" if roster else "roster", "results", "Cases", "", None])
        detail, must = f"{op}:{m['kind']!r}", True
    else:
        m["version"] = rng.choice([True, 1.0, "1", 2, 0, None, [1]])
        detail, must, codes = f"{op}:{m['version']!r}", True, frozenset({"manifest"})
    if raw is None:
        raw = _manifest_bytes(m)
    if SURROGATE.encode() in raw:
        raw = raw.replace(SURROGATE.encode(), b"\\ud800")
    try:
        signed = json.loads(raw)  # what the oracle compares an accepted import with
    except ValueError:
        signed = m
    members = _members(c, raw, _sign(world.office, raw))
    return Mutant(f"manifest:{detail}", _encrypt(world, _tar(members)), signed, must_reject=must, codes=codes)


# -- signatures ------------------------------------------------------------------------------------------------
def _signature_mutant(world: _World, rng: random.Random) -> Mutant:
    c = _fresh(world, rng)
    manifest = _manifest_bytes(c.manifest)
    good = _sign(world.office, manifest)
    op = rng.choice(["none", "stranger", "flip", "other_bytes", "huge", "comment", "lines", "key_id_claims_stranger", "legacy"])
    must, codes = True, frozenset({"signature"})
    sig: bytes | None = good
    if op == "none":
        sig, codes = None, frozenset({"unsigned"})
    elif op == "stranger":
        sig, codes = _sign(world.stranger, manifest), frozenset({"untrusted"})
    elif op == "flip":
        data = bytearray(good)
        lines = data.split(b"\n")
        k = rng.choice([1, 3])  # the signature or the global signature (base64)
        line = bytearray(lines[k])
        pos = rng.randrange(len(line) - 3)  # not the padding nor the last character's unused bits
        line[pos] = ord(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".replace(chr(line[pos]), "")))
        lines[k] = bytes(line)
        sig = b"\n".join(lines)
        codes = frozenset({"signature", "untrusted"})  # a flip in the key id names another key
    elif op == "other_bytes":
        sig = _sign(world.office, manifest + b" ")
    elif op == "huge":
        sig = good + b"x" * 5000
    elif op == "comment":
        sig = good.replace(b"\ntrusted comment: fuzz", b"\ntrusted comment: fuzz!", 1)
    elif op == "lines":
        sig = b"\n".join(good.split(b"\n")[:2])
    elif op == "key_id_claims_stranger":
        c.manifest["issuer"]["key_id"] = world.stranger.key_id_hex()
        manifest = _manifest_bytes(c.manifest)
        sig = _sign(world.office, manifest)
    else:
        sig = world.office.sign(manifest, trusted_comment="fuzz", untrusted_comment="fuzz", prehashed=False).encode()
        must, codes = False, None
    members = _members(c, manifest, sig)
    return Mutant(f"signature:{op}", _encrypt(world, _tar(members)), c.manifest, must_reject=must, codes=codes)


# -- replays of an imported package ----------------------------------------------------------------------------
def _replay_mutant(world: _World, rng: random.Random) -> Mutant:
    if not world.imported:
        return _tar_mutant(world, rng)
    data, manifest = world.imported[rng.randrange(len(world.imported))]
    if rng.random() < 0.4:
        return Mutant("replay:intact", data, manifest, already=True)
    damaged = bytearray(data)
    if rng.random() < 0.5:
        del damaged[rng.randrange(len(damaged) // 2, len(damaged)) :]
    else:
        damaged[rng.randrange(len(damaged) // 2, len(damaged))] ^= 0x10
    return Mutant("replay:damaged", bytes(damaged), manifest, must_reject=True, codes=AGE_CODES)


LAYERS: list[tuple[str, Callable[[_World, random.Random], Mutant], int]] = [
    ("age", _age_mutant, 2), ("tar", _tar_mutant, 4), ("manifest", _manifest_mutant, 5), ("signature", _signature_mutant, 2),
    ("replay", _replay_mutant, 1), ("roster", _roster_mutant, 2),
]


# -- the oracle ------------------------------------------------------------------------------------------------
def store_digest(ws: OpenWorkspace) -> str:
    """SHA-256 over every row of every table but the audit log's (which records refusals on purpose)."""
    conn = raw_connect(ws.workspace.db_path, ws.data_key)
    try:
        digest = hashlib.sha256()
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        for name in names:
            if name in _NOT_HASHED or name.startswith("sqlite_"):
                continue
            digest.update(name.encode())
            for row in conn.execute(f'SELECT * FROM "{name}" ORDER BY 1'):
                digest.update(repr(row).encode())
        return digest.hexdigest()
    finally:
        conn.close()


def _check_message(err: BaseException) -> str | None:
    text = str(err)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "message is not valid Unicode"
    if not text.isprintable():
        return f"message is not one printable line: {text[:120]!r}"
    return None


def _check_imported(world: _World, mutant: Mutant, result: imports.ImportResult) -> str | None:
    m = mutant.manifest or {}
    if result.status != "imported" or result.kind != m.get("kind"):
        return f"status {result.status}, kind {result.kind}"
    if result.kind == "roster":
        counts = result.experts or {}
        if counts.get("added", 0) + counts.get("changed", 0) + counts.get("unchanged", 0) != len(m["experts"]):
            return f"roster of {len(m['experts'])} experts stored as {counts}"
        return None
    expected = {(f["path"], f["sha256"]) for f in m.get("files", [])}
    conn = raw_connect(world.ws.workspace.db_path, world.ws.data_key)
    try:
        rows = conn.execute("SELECT id, path, sha256 FROM documents WHERE package_id = ?", (result.package_id,)).fetchall()
    finally:
        conn.close()
    if {(p, s) for _i, p, s in rows} != expected:
        return "stored documents differ from the manifest"
    for doc_id, _path, sha in rows:
        _info, data = cases.document_bytes(world.ws, doc_id)
        if hashlib.sha256(data).hexdigest() != sha:
            return "a stored document's bytes differ from its SHA-256"
    if result.cases != len(m.get("cases", [])):
        return f"{result.cases} cases stored, manifest has {len(m.get('cases', []))}"
    return None


def _judge(world: _World, mutant: Mutant, path: Path) -> str | None:
    """None when the outcome is right, else what went wrong."""
    before = store_digest(world.ws)
    try:
        result = imports.import_package(world.ws, path)
    except imports.PackageRejected as err:
        if store_digest(world.ws) != before:
            return f"refused ({err.reason_code}) but the store changed"
        if err.exit_code != 10:
            return f"refused with exit {err.exit_code}"
        if mutant.codes is not None and err.reason_code not in mutant.codes:
            return f"refused as {err.reason_code!r}, expected one of {sorted(mutant.codes)}: {err}"
        if mutant.already:
            return f"an intact copy of an imported package was refused: {err}"
        return _check_message(err)
    except ReviewDeskError as err:  # e.g. Conflict: a valid mutant naming a case already stored
        if store_digest(world.ws) != before:
            return f"{type(err).__name__} but the store changed"
        if mutant.already or mutant.codes is not None:
            return f"{type(err).__name__} instead of the expected outcome: {err}"
        return _check_message(err)
    except Exception as err:  # any other exception is the finding
        return f"crashed: {type(err).__name__}: {str(err)[:200]!r}"
    if mutant.already:
        if result.status != "already_imported" or store_digest(world.ws) != before:
            return f"intact replay gave {result.status} or changed the store"
        return None
    if mutant.must_reject:
        return f"accepted ({result.status}) though it must be refused"
    problem = _check_imported(world, mutant, result)
    if problem is None:
        world.imported.append((path.read_bytes(), mutant.manifest or {}))
    return problem


# -- the campaign ----------------------------------------------------------------------------------------------
def _world(workdir: Path, seed: int) -> _World:
    rng = random.Random(f"{seed}:world")
    ws, _code = Workspace(workdir).create(ADMIN, "刘建国", ADMIN_PW)
    office = minisign.SigningKey(rng.randbytes(32), rng.randbytes(8))
    stranger = minisign.SigningKey(rng.randbytes(32), rng.randbytes(8))
    keys.trust_issuer(ws, office.public_key_text("office key"), "某省委政法委执法监督处")
    base = sample_contents(2)
    # A larger member so that the age stream has several 64 KiB chunks to swap, cut and flip.
    base.add_file("cases/GS-2026-0001/04-附件.bin", rng.randbytes(150_000), "GS-2026-0001", "application/octet-stream", "附件")
    return _World(ws, office, stranger, age.Recipient.from_str(keys.recipient(ws)), base)


def _pick_layer(rng: random.Random) -> Callable[[_World, random.Random], Mutant]:
    total = sum(w for _n, _f, w in LAYERS)
    x = rng.randrange(total)
    for _name, fn, weight in LAYERS:
        if x < weight:
            return fn
        x -= weight
    raise AssertionError


WORLD_SIZE = 200  # mutants per workspace: a fresh store keeps the before/after digests cheap


def campaign(seed: int, count: int, workdir: Path) -> dict[str, Any]:
    """Build and import `count` mutants; each one's outcome is checked by the oracle above."""
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    world: _World | None = None
    passed = failed = 0
    failures: list[str] = []
    try:
        for i in range(count):
            if i % WORLD_SIZE == 0:
                if world is not None:
                    world.ws.close()
                    shutil.rmtree(world.ws.workspace.folder)
                world = _world(workdir / f"ws{i // WORLD_SIZE}", seed)
            rng = random.Random(f"{seed}:{i}")
            mutant = _pick_layer(rng)(world, rng)
            path = workdir / "mutant.rdpkg"
            path.write_bytes(mutant.data)
            problem = _judge(world, mutant, path)
            if problem is None:
                passed += 1
            else:
                failed += 1
                failures.append(f"seed {seed} mutant {i} ({mutant.name}): {problem}")
    finally:
        if world is not None:
            world.ws.close()
    return {
        "tried": passed + failed, "passed": passed, "failed": failed,
        "peak_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "failures": failures,
    }
