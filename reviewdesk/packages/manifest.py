"""manifest.json: parse and validate strictly (package format v1), into typed records.

Everything the format does not allow is refused, and the error names the field by its JSON path
(`cases[3].handlers[0].id_number`) so the sending office can fix it.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from reviewdesk import identity_number, safe_json
from reviewdesk.packages.oneline import escape, show
from reviewdesk.packages.paths import fold, path_problem

if TYPE_CHECKING:
    from reviewdesk.packages.results_manifest import ResultRecord

FORMAT = "reviewdesk-package"
VERSION = 1
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
MAX_FILES = 20_000
MAX_FILE_BYTES = 8 * 1024**3
MAX_TOTAL_BYTES = 64 * 1024**3
MAX_VOLUME = 100_000  # 卷 of one case file: far above any real case, well inside an SQLite integer
RESERVED_MEMBERS = ("manifest.json", "manifest.json.minisig")

KINDS = ("cases", "roster", "results")
CASE_TYPES = ("criminal", "civil", "administrative", "enforcement", "public_security", "petition")
UNIT_KINDS = ("court", "procuratorate", "police", "justice", "other")
PETITION_FLAGS = ("unenforced", "unresolved", "repeated")
REPEATED_MIN_PETITIONS = 2  # 反复信访 means petitioned more than once
PROFESSIONS = ("judge", "prosecutor", "police", "lawyer", "academic", "other")
RELATION_KINDS = ("near_relative", "former_colleague", "business_interest", "counsel_for", "other")
PARTY_KINDS = ("person", "organization", "organisation")

# Used with fullmatch only: `$` would let a trailing newline through, and `\d` would take any script's digits.
_RFC3339 = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_KEY_ID = re.compile(r"[0-9A-F]{16}")
_REGION = re.compile(r"[1-8][0-9]{5}")
_RECORD_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_MEDIA_TYPE = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*")
# Text has no controls (C0, DEL, C1); long texts such as `summary` may hold LF and TAB. A lone surrogate never
# gets this far: safe_json.loads refuses one anywhere in the document, naming its path.
_BAD_TEXT = re.compile("[\\x00-\\x1f\\x7f-\\x9f]")
_BAD_LONG_TEXT = re.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f]")


class ManifestError(ValueError):
    """`where` is the JSON path of the field, `reason` what is wrong; both one printable line whatever the data."""

    def __init__(self, where: str, reason: str) -> None:
        where, reason = escape(where), escape(reason)
        super().__init__(f"manifest.json: {where}: {reason}" if where else f"manifest.json: {reason}")
        self.where = where
        self.reason = reason


# -- records ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class UnitRef:
    code: str
    name: str
    kind: str
    region_code: str


@dataclass(frozen=True)
class Person:
    name: str
    id_number: str | None


@dataclass(frozen=True)
class Handler:
    name: str
    id_number: str | None
    unit_code: str | None
    role: str


@dataclass(frozen=True)
class Counsel:
    name: str
    firm: str | None


@dataclass(frozen=True)
class Party:
    name: str
    kind: str
    id_number: str | None
    role: str
    counsel: tuple[Counsel, ...]


@dataclass(frozen=True)
class Petition:
    count: int
    first_on: date | None
    last_on: date | None
    flags: tuple[str, ...]


@dataclass(frozen=True)
class CaseRecord:
    id: str
    case_number: str
    title: str
    case_type: str
    cause: str
    stage: str
    handling_unit: UnitRef
    accepted_on: date | None
    closed_on: date | None
    handlers: tuple[Handler, ...]
    parties: tuple[Party, ...]
    petition: Petition | None
    summary: str


@dataclass(frozen=True)
class Relation:
    kind: str
    name: str
    id_number: str | None
    unit_code: str | None
    note: str


@dataclass(frozen=True)
class FormerUnit:
    code: str
    until: date | None


@dataclass(frozen=True)
class ExpertRecord:
    id: str
    name: str
    id_number: str | None
    gender: str | None
    profession: str
    unit: UnitRef
    specialties: tuple[str, ...]
    phone: str | None
    relations: tuple[Relation, ...]
    former_units: tuple[FormerUnit, ...]


@dataclass(frozen=True)
class FileRecord:
    path: str
    size: int
    sha256: str
    media_type: str
    case_id: str | None
    title: str
    volume: int | None = None  # the 卷 of the case file the document belongs to; None: not given (counts as 1)


@dataclass(frozen=True)
class Manifest:
    kind: str
    package_id: str
    created_at: datetime
    issuer_name: str
    issuer_key_id: str
    campaign_id: str | None
    campaign_name: str | None
    cases: tuple[CaseRecord, ...]
    experts: tuple[ExpertRecord, ...]
    files: tuple[FileRecord, ...]
    raw: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)
    results: tuple[ResultRecord, ...] = ()  # kind results: one review result per case (results_manifest.py)

    @property
    def total_size(self) -> int:
        return sum(f.size for f in self.files)


# -- field readers ------------------------------------------------------------------------------------
class _Obj:
    """A JSON object being read: every key must be known; every read names its path on error.

    `required` keys must be present, `optional` ones may be absent (an absent key reads as null). Whether a
    value may be null is the reader's `optional` argument: only fields the contract lists as optional take it.
    """

    def __init__(self, value: Any, where: str, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> None:
        if not isinstance(value, dict):
            raise ManifestError(where, "must be an object")
        unknown = sorted(set(value) - set(required) - set(optional))
        if unknown:
            raise ManifestError(_join(where, unknown[0]), "unknown key (not allowed in format version 1)")
        missing = [k for k in required if k not in value]
        if missing:
            raise ManifestError(_join(where, missing[0]), "required key is missing")
        self.value = value
        self.where = where

    def at(self, key: str) -> str:
        return _join(self.where, key)

    def get(self, key: str) -> Any:
        return self.value.get(key)

    def text(
        self, key: str, *, max_len: int = 1000, optional: bool = False, allow_empty: bool = False, lines: bool = False
    ) -> str | None:
        """A string; `lines` for long texts (summary, views, reasons), which may hold line feeds and tabs."""
        value = self.value.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, str):
            raise ManifestError(self.at(key), "must be a string" + (" or null" if optional else " (null is not allowed)"))
        if not allow_empty and not value.strip():
            raise ManifestError(self.at(key), "must not be empty")
        if len(value) > max_len:
            raise ManifestError(self.at(key), f"longer than {max_len} characters")
        bad = (_BAD_LONG_TEXT if lines else _BAD_TEXT).search(value)
        if bad:
            code = ord(bad.group())
            raise ManifestError(self.at(key), f"contains a control character U+{code:04X} at character {bad.start() + 1}")
        return value

    def req(self, key: str, *, max_len: int = 1000, lines: bool = False) -> str:
        value = self.text(key, max_len=max_len, lines=lines)
        assert value is not None
        return value

    def choice(self, key: str, allowed: tuple[str, ...]) -> str:
        value = self.value.get(key)
        if not isinstance(value, str) or value not in allowed:
            raise ManifestError(self.at(key), f"{show(value)} is not one of {', '.join(allowed)}")
        return value

    def record_id(self, key: str) -> str:
        value = self.req(key, max_len=64)
        if not _RECORD_ID.fullmatch(value):
            raise ManifestError(self.at(key), "use letters, digits, '.', '_' or '-' (at most 64, starting with a letter or digit)")
        return value

    def day(self, key: str, *, optional: bool = False) -> date | None:
        value = self.value.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, str) or not _DATE.fullmatch(value):
            raise ManifestError(self.at(key), "must be a date YYYY-MM-DD" + (" or null" if optional else ""))
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ManifestError(self.at(key), f"{value} is not a real date") from None

    def id_number(self, key: str) -> str | None:
        """An identity number, optional wherever the contract has one."""
        value = self.text(key, max_len=18, optional=True)
        if value is None:
            return None
        reason = identity_number.problem(value)
        if reason:
            raise ManifestError(self.at(key), f"invalid identity number: {reason}")
        return value

    def items(self, key: str, *, max_items: int = 100_000) -> list[tuple[str, Any]]:
        """A list: never null (an empty list is [])."""
        value = self.value.get(key)
        if not isinstance(value, list):
            raise ManifestError(self.at(key), "must be a list (null is not allowed; use [] for none)")
        if len(value) > max_items:
            raise ManifestError(self.at(key), f"more than {max_items} items")
        return [(f"{self.at(key)}[{i}]", item) for i, item in enumerate(value)]

    def integer(self, key: str, minimum: int, maximum: int) -> int:
        """A JSON integer (not a boolean, not 1.0, not a string) within the field's range."""
        value = self.value.get(key)
        if type(value) is not int:
            raise ManifestError(self.at(key), f"must be a whole number (JSON integer), not {show(value)}")
        if not minimum <= value <= maximum:
            raise ManifestError(self.at(key), f"must be between {minimum} and {maximum}")
        return value


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


# -- parsing ------------------------------------------------------------------------------------------
def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ManifestError("", f"key {key!r} appears twice in one object")
        result[key] = value
    return result


def _no_constants(name: str) -> Any:
    raise ManifestError("", f"{name} is not valid JSON")


def load_json(data: bytes) -> dict[str, Any]:
    if len(data) > MAX_MANIFEST_BYTES:
        raise ManifestError("", "larger than 64 MiB")
    if data.startswith(b"\xef\xbb\xbf"):
        raise ManifestError("", "starts with a byte-order mark; write plain UTF-8")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ManifestError("", f"not valid UTF-8 at byte {err.start}") from None
    try:
        doc = safe_json.loads(text, what="manifest", max_bytes=MAX_MANIFEST_BYTES)
    except safe_json.JsonRefused as err:
        raise ManifestError(err.where or "", err.reason) from None
    if not isinstance(doc, dict):
        raise ManifestError("", "must be a JSON object")
    return doc


def _unit(value: Any, where: str) -> UnitRef:
    o = _Obj(value, where, ("code", "name", "kind", "region_code"))
    region = o.req("region_code", max_len=6)
    if not _REGION.fullmatch(region):
        raise ManifestError(o.at("region_code"), "must be a six-digit GB/T 2260 code")
    return UnitRef(o.record_id("code"), o.req("name", max_len=200), o.choice("kind", UNIT_KINDS), region)


def _case(value: Any, where: str) -> CaseRecord:
    o = _Obj(
        value, where,
        ("id", "case_number", "title", "case_type", "handling_unit", "handlers", "parties"),
        ("cause", "stage", "accepted_on", "closed_on", "petition", "summary"),
    )
    handlers = []
    for hw, h in o.items("handlers", max_items=500):
        ho = _Obj(h, hw, ("name", "role"), ("id_number", "unit_code"))
        unit_code = ho.text("unit_code", max_len=64, optional=True)
        handlers.append(Handler(ho.req("name", max_len=100), ho.id_number("id_number"), unit_code, ho.req("role", max_len=100)))
    parties = []
    for pw, p in o.items("parties", max_items=5000):
        po = _Obj(p, pw, ("name", "kind", "role", "counsel"), ("id_number",))
        counsel = []
        for cw, c in po.items("counsel", max_items=100):
            co = _Obj(c, cw, ("name", "firm"))
            counsel.append(Counsel(co.req("name", max_len=100), co.text("firm", max_len=200, allow_empty=True) or None))
        kind = po.choice("kind", PARTY_KINDS)
        parties.append(
            Party(
                po.req("name", max_len=200), "organization" if kind == "organisation" else kind,
                po.id_number("id_number"), po.req("role", max_len=100), tuple(counsel),
            )
        )
    petition = None
    if o.get("petition") is not None:
        pw = o.at("petition")
        po = _Obj(o.get("petition"), pw, ("count", "flags"), ("first_on", "last_on"))
        flags: list[str] = []
        for fw, flag in po.items("flags", max_items=10):
            if not isinstance(flag, str) or flag not in PETITION_FLAGS:
                raise ManifestError(fw, f"{show(flag)} is not one of {', '.join(PETITION_FLAGS)}")
            if flag in flags:
                raise ManifestError(fw, f"flag {flag} listed twice")
            flags.append(flag)
        first_on, last_on = po.day("first_on", optional=True), po.day("last_on", optional=True)
        if first_on and last_on and last_on < first_on:
            raise ManifestError(po.at("last_on"), "is before first_on")
        count = po.integer("count", 0, 100_000)
        if "repeated" in flags and count < REPEATED_MIN_PETITIONS:
            case_id = o.get("id") if isinstance(o.get("id"), str) else "?"
            raise ManifestError(f"{pw}.flags[{flags.index('repeated')}]",
                                f"case {case_id}: repeated (反复信访) needs a count of at least "
                                f"{REPEATED_MIN_PETITIONS} petitions, the count is {count}")
        petition = Petition(count, first_on, last_on, tuple(flags))
    accepted_on, closed_on = o.day("accepted_on", optional=True), o.day("closed_on", optional=True)
    if accepted_on and closed_on and closed_on < accepted_on:
        raise ManifestError(o.at("closed_on"), "is before accepted_on")
    return CaseRecord(
        id=o.record_id("id"),
        case_number=o.req("case_number", max_len=200),
        title=o.req("title", max_len=500),
        case_type=o.choice("case_type", CASE_TYPES),
        cause=o.text("cause", max_len=200, optional=True, allow_empty=True) or "",
        stage=o.text("stage", max_len=64, optional=True, allow_empty=True) or "",
        handling_unit=_unit(o.get("handling_unit"), o.at("handling_unit")),
        accepted_on=accepted_on,
        closed_on=closed_on,
        handlers=tuple(handlers),
        parties=tuple(parties),
        petition=petition,
        summary=o.text("summary", max_len=200_000, optional=True, allow_empty=True, lines=True) or "",
    )


def _expert(value: Any, where: str) -> ExpertRecord:
    o = _Obj(
        value, where, ("id", "name", "profession", "unit", "specialties", "relations", "former_units"),
        ("id_number", "gender", "phone"),
    )
    specialties: list[str] = []
    for sw, s in o.items("specialties", max_items=len(CASE_TYPES)):
        if not isinstance(s, str) or s not in CASE_TYPES:
            raise ManifestError(sw, f"{show(s)} is not one of {', '.join(CASE_TYPES)}")
        if s in specialties:
            raise ManifestError(sw, f"specialty {s} listed twice")
        specialties.append(s)
    relations = []
    for rw, r in o.items("relations", max_items=1000):
        # "where known, identity number or unit code": both may be absent or null.
        ro = _Obj(r, rw, ("kind", "name", "note"), ("id_number", "unit_code"))
        relations.append(
            Relation(
                ro.choice("kind", RELATION_KINDS), ro.req("name", max_len=200), ro.id_number("id_number"),
                ro.text("unit_code", max_len=64, optional=True), ro.text("note", max_len=500, allow_empty=True) or "",
            )
        )
    former = []
    for fw, f in o.items("former_units", max_items=100):
        fo = _Obj(f, fw, ("code", "until"))
        former.append(FormerUnit(fo.record_id("code"), fo.day("until")))
    gender = o.text("gender", max_len=4, optional=True)
    if gender is not None and gender not in ("男", "女"):
        raise ManifestError(o.at("gender"), "must be 男, 女 or null")
    return ExpertRecord(
        id=o.record_id("id"), name=o.req("name", max_len=100), id_number=o.id_number("id_number"), gender=gender,
        profession=o.choice("profession", PROFESSIONS), unit=_unit(o.get("unit"), o.at("unit")),
        specialties=tuple(specialties), phone=o.text("phone", max_len=40, optional=True, allow_empty=True),
        relations=tuple(relations), former_units=tuple(former),
    )


def _file(value: Any, where: str) -> FileRecord:
    # case_id: which files must name a case depends on the kind (checked in parse and parse_results).
    o = _Obj(value, where, ("path", "size", "sha256", "media_type", "title"), ("case_id", "volume"))
    path = o.req("path", max_len=1000)
    reason = path_problem(path)
    if reason:
        raise ManifestError(o.at("path"), f"{reason}: {path!r}")
    if path in RESERVED_MEMBERS:
        raise ManifestError(o.at("path"), f"{path} is reserved for the manifest and its signature")
    digest = o.req("sha256", max_len=64)
    if not _SHA256.fullmatch(digest):
        raise ManifestError(o.at("sha256"), "must be 64 lowercase hexadecimal characters")
    media_type = o.req("media_type", max_len=127)
    if not _MEDIA_TYPE.fullmatch(media_type):
        raise ManifestError(o.at("media_type"), f"{media_type!r} is not a media type like application/pdf")
    case_id = o.text("case_id", max_len=64, optional=True)
    volume = None if o.get("volume") is None else o.integer("volume", 1, MAX_VOLUME)
    return FileRecord(
        path=path, size=o.integer("size", 0, MAX_FILE_BYTES), sha256=digest, media_type=media_type,
        case_id=case_id, title=o.text("title", max_len=500, allow_empty=True) or "", volume=volume,
    )


def _timestamp(o: _Obj, key: str) -> datetime:
    value = o.req(key, max_len=40)
    if not _RFC3339.fullmatch(value):
        raise ManifestError(o.at(key), "must be an RFC 3339 timestamp with an offset, e.g. 2026-11-20T10:00:00+08:00")
    try:
        return datetime.fromisoformat(value.replace("z", "Z").replace("t", "T"))
    except ValueError:
        raise ManifestError(o.at(key), f"{value} is not a real time") from None


def _version(doc: dict[str, Any]) -> None:
    """Checked before the other keys, so that a later version's new keys are reported as a later version."""
    if "version" not in doc:
        raise ManifestError("version", "required key is missing")
    version = doc["version"]
    if type(version) is not int:  # true == 1 and 1.0 == 1 in Python; the contract wants the JSON integer
        raise ManifestError("version", f"must be the JSON integer {VERSION}, not {show(version)}")
    if version > VERSION:
        raise ManifestError("version", f"package format version {version} is newer than this ReviewDesk reads (version {VERSION})")
    if version != VERSION:
        raise ManifestError("version", f"must be {VERSION}")


def parse(data: bytes) -> Manifest:
    """Validate manifest bytes completely. Raises ManifestError naming the first problem found."""
    doc = load_json(data)
    if doc.get("format") != FORMAT:
        raise ManifestError("format", f"must be {FORMAT!r}")
    _version(doc)
    o = _Obj(
        doc, "", ("format", "version", "kind", "package_id", "created_at", "issuer", "cases", "experts", "files"),
        ("campaign",),
    )
    kind = o.choice("kind", KINDS)
    package_id = o.req("package_id", max_len=36)
    try:
        if str(uuid.UUID(package_id)) != package_id.lower():
            raise ValueError
    except ValueError:
        raise ManifestError("package_id", "must be a UUID like 3f0c6a52-6a7e-4d5e-9d0e-2f5b1c9a7e11") from None
    created_at = _timestamp(o, "created_at")
    issuer = _Obj(o.get("issuer"), "issuer", ("name", "key_id"))
    key_id = issuer.req("key_id", max_len=16)
    if not _KEY_ID.fullmatch(key_id):
        raise ManifestError("issuer.key_id", "must be 16 upper-case hexadecimal characters (the minisign key id)")
    campaign_id = campaign_name = None
    if o.get("campaign") is not None:
        camp = _Obj(o.get("campaign"), "campaign", ("id", "name"))
        campaign_id, campaign_name = camp.record_id("id"), camp.req("name", max_len=256)
    elif kind in ("cases", "results"):
        raise ManifestError("campaign", f"required for a {kind} package (null is not allowed)")

    files = [_file(v, w) for w, v in o.items("files", max_items=MAX_FILES)]
    seen: dict[str, int] = {}
    total = 0
    for i, f in enumerate(files):
        key = fold(f.path)
        if key in seen:
            raise ManifestError(f"files[{i}].path", f"{f.path!r} duplicates files[{seen[key]}].path (paths differing only by case count as duplicates)")
        seen[key] = i
        total += f.size
    if total > MAX_TOTAL_BYTES:
        raise ManifestError("files", f"total size {total} bytes exceeds the 64 GiB limit")

    cases: list[CaseRecord] = []
    experts: list[ExpertRecord] = []
    if kind == "cases":
        cases = [_case(v, w) for w, v in o.items("cases")]
        ids: dict[str, int] = {}
        for i, c in enumerate(cases):
            if c.id in ids:
                raise ManifestError(f"cases[{i}].id", f"{c.id} duplicates cases[{ids[c.id]}].id")
            ids[c.id] = i
        for i, f in enumerate(files):
            if f.case_id is None:
                raise ManifestError(f"files[{i}].case_id", "required in a cases package (null is not allowed)")
            if f.case_id not in ids:
                raise ManifestError(f"files[{i}].case_id", f"{f.case_id} is not a case in this manifest")
    elif kind == "roster":
        experts = [_expert(v, w) for w, v in o.items("experts")]
        for i, f in enumerate(files):
            if f.case_id is not None:
                raise ManifestError(f"files[{i}].case_id", "must be absent or null in a roster package (it has no cases)")
        ids = {}
        for i, e in enumerate(experts):
            if e.id in ids:
                raise ManifestError(f"experts[{i}].id", f"{e.id} duplicates experts[{ids[e.id]}].id")
            ids[e.id] = i
    results: tuple[ResultRecord, ...] = ()
    if kind == "results":
        from reviewdesk.packages.results_manifest import parse_results

        results = parse_results(o.items("cases"), campaign_id, tuple(files))
    elif kind != "cases" and o.items("cases"):
        raise ManifestError("cases", f"must be empty in a {kind} package")
    if kind != "roster" and o.items("experts"):
        raise ManifestError("experts", f"must be empty in a {kind} package")
    return Manifest(
        kind=kind, package_id=package_id.lower(), created_at=created_at, issuer_name=issuer.req("name", max_len=200),
        issuer_key_id=key_id, campaign_id=campaign_id, campaign_name=campaign_name, cases=tuple(cases),
        experts=tuple(experts), files=tuple(files), raw=doc, results=results,
    )
