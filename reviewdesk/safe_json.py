"""The one way the app parses JSON that comes from outside (packages, rubrics, score sheets, results, office
profiles, command-line options): a size limit and a depth limit checked before parsing, and a clean refusal
(JsonRefused, exit code 6 "invalid") naming what was read, the limit and where, for everything the standard
parser would take badly:

- nesting deeper than `max_depth` (the standard parser raises RecursionError at ~1,000 levels);
- duplicate keys in one object (the standard parser keeps the last one silently);
- integers or decimals longer than MAX_NUMBER_CHARS (Python refuses int() of 4,300 digits with ValueError,
  and no field of ours needs more than a few);
- NaN / Infinity (not JSON);
- invalid Unicode: bytes that are not UTF-8, or an escaped lone surrogate such as "\\ud800", which would
  later raise UnicodeEncodeError while storing.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

from reviewdesk.errors import ValidationError

DEFAULT_DEPTH = 32
DEFAULT_ITEMS = 1_000_000  # strings, arrays and objects together: what the parsed value costs in memory
MAX_NUMBER_CHARS = 40
MAX_OPTION_BYTES = 64 * 1024  # a JSON value given on the command line
MAX_FILE_BYTES = 4 * 1024 * 1024  # a small JSON file (rubric, score sheet, actions, office profile)
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_SURROGATE = re.compile("[\ud800-\udfff]")


class JsonRefused(ValidationError):
    """JSON from outside that the app will not read; `where` is a JSON path or a position, `reason` why."""

    def __init__(self, what: str, reason: str, where: str | None = None, *, reason_zh: str | None = None) -> None:
        at = f" at {where}" if where else ""
        super().__init__(what, f"{reason}{at}", message_zh=f"{reason_zh or reason}{at}")
        self.what, self.reason, self.where = what, reason, where


def loads(
    data: bytes | str, *, what: str, max_bytes: int, max_depth: int = DEFAULT_DEPTH, max_items: int = DEFAULT_ITEMS,
) -> Any:
    """The JSON value in `data`, or JsonRefused. Bytes must be UTF-8 (a leading BOM is allowed).

    `max_items` bounds memory where `max_bytes` alone cannot: 64 MiB of `[],[],…` would be 22 million
    Python lists (1.4 GB)."""
    size = len(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    if size > max_bytes:
        raise JsonRefused(what, f"larger than the limit of {_size(max_bytes)}", reason_zh=f"超过 {_size(max_bytes)} 的上限")
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise JsonRefused(what, "not valid UTF-8", f"byte {err.start}", reason_zh="不是有效的 UTF-8") from None
    else:
        text = data
    _check_shape(text, what, max_depth, max_items)
    try:
        value = json.loads(text, object_pairs_hook=_pairs(what), parse_constant=_constant(what),
                           parse_int=_number(what, int), parse_float=_number(what, float))
    except json.JSONDecodeError as err:
        raise JsonRefused(what, f"not valid JSON ({err.msg})", f"line {err.lineno} column {err.colno}",
                          reason_zh="不是有效的 JSON") from None
    except RecursionError:  # cannot happen after _check_depth, kept as a last guard
        raise JsonRefused(what, f"nested deeper than {max_depth} levels", reason_zh=f"嵌套超过 {max_depth} 层") from None
    _check_values(value, what, "")
    return value


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MiB" if n >= 1024 * 1024 else f"{n // 1024} KiB" if n >= 1024 else f"{n} bytes"


def _check_shape(text: str, what: str, max_depth: int, max_items: int) -> None:
    """Item count and nesting depth, counted on the brackets outside strings before the parser runs (by
    counting and a string of brackets only, so refusing a hostile file costs little memory itself)."""
    too_many = False
    if text.count('"') // 2 + text.count("[") + text.count("{") > max_items:  # cheap upper bound first
        strings = sum(1 for _ in _STRINGS.finditer(text))  # one match at a time: no list of millions
        too_many = strings > max_items
    if not too_many:
        bare, strings = _STRINGS.subn('""', text)  # at most max_items pieces
        too_many = strings + bare.count("[") + bare.count("{") > max_items
    if too_many:
        raise JsonRefused(what, f"more than {max_items:,} strings, arrays and objects",
                          reason_zh=f"字符串、数组和对象超过 {max_items:,} 个")
    brackets = bare.translate(_KEEP_BRACKETS)
    deepest = max(accumulate(map(_STEP.__getitem__, brackets)), default=0)
    if deepest > max_depth:
        raise JsonRefused(what, f"nested deeper than {max_depth} levels", _depth_position(text, max_depth),
                          reason_zh=f"嵌套超过 {max_depth} 层")


class _KeepBrackets(dict[int, int | None]):
    def __missing__(self, char: int) -> int | None:
        return char if chr(char) in "[]{}" else None


_KEEP_BRACKETS = _KeepBrackets()
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def _depth_position(text: str, max_depth: int) -> str:
    """Where nesting first passes the limit (only computed when refusing)."""
    depth, in_string, escaped = 0, False, False
    line, column = 1, 0
    for ch in text:
        column += 1
        if ch == "\n":
            line, column = line + 1, 0
        if in_string:
            escaped = not escaped and ch == "\\"
            if ch == '"' and not escaped:
                in_string = False
            continue
        if ch == '"':
            in_string, escaped = True, False
        elif ch in "[{":
            depth += 1
            if depth > max_depth:
                return f"line {line} column {column}"
        elif ch in "]}":
            depth -= 1
    return "?"


def _pairs(what: str) -> Any:
    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in pairs:
            if key in out:
                raise JsonRefused(what, f"duplicate key {_show(key)} in one object", reason_zh=f"同一对象中键 {_show(key)} 重复")
            out[key] = value
        return out

    return hook


def _constant(what: str) -> Any:
    def refuse(name: str) -> Any:
        raise JsonRefused(what, f"{name} is not a JSON number", reason_zh=f"{name} 不是 JSON 数字")

    return refuse


class _LongNumber:
    """Stands for a number literal too long to convert; refused with its path by _check_values."""

    def __init__(self, chars: int) -> None:
        self.chars = chars


def _number(what: str, kind: type) -> Any:
    def parse(literal: str) -> Any:
        return _LongNumber(len(literal)) if len(literal) > MAX_NUMBER_CHARS else kind(literal)

    return parse


def _check_values(value: Any, what: str, path: str) -> None:
    """No over-long number, no lone surrogate in any string or key (a valid escaped pair has become one
    character by now); each refusal names its path."""
    if isinstance(value, _LongNumber):
        raise JsonRefused(what, f"a number of {value.chars} characters (at most {MAX_NUMBER_CHARS})", path or None,
                          reason_zh=f"数字长达 {value.chars} 个字符（上限 {MAX_NUMBER_CHARS}）")
    if isinstance(value, str):
        if has_lone_surrogate(value):
            raise JsonRefused(what, "text holds an unpaired surrogate escape (\\ud800–\\udfff), not valid Unicode", path or None,
                              reason_zh="文本含有不成对的代理项转义（\\ud800–\\udfff），不是有效的 Unicode")
    elif isinstance(value, dict):
        for key, item in value.items():
            if has_lone_surrogate(key):
                raise JsonRefused(what, "a key holds an unpaired surrogate escape, not valid Unicode", f"{path}[{_show(key)}]",
                                  reason_zh="键含有不成对的代理项转义，不是有效的 Unicode")
            name = (f"{path}.{key}" if path else key) if key.isidentifier() else f"{path}[{_show(key)}]"
            _check_values(item, what, name)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _check_values(item, what, f"{path}[{i}]")


def _show(key: str) -> str:
    return json.dumps(key[:40], ensure_ascii=True)


def has_lone_surrogate(text: str) -> bool:
    """True if `text` is not valid Unicode: a lone surrogate, as an escape in JSON or as the surrogateescape
    stand-in for a byte that was not UTF-8 (command-line arguments, file names)."""
    return _SURROGATE.search(text) is not None


def check_text(text: str, field: str) -> str:
    """Text typed or read at another edge (a cell, a UI field, a CLI option): refused if it is not valid
    Unicode (a lone surrogate), so storing it can never raise UnicodeEncodeError."""
    if has_lone_surrogate(text):
        raise ValidationError(field, "holds an unpaired surrogate (\\ud800–\\udfff), not valid Unicode",
                              message_zh="含有不成对的代理项（\\ud800–\\udfff），不是有效的 Unicode")
    return text
