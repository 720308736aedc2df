"""Every JSON read from outside goes through safe_json: depth, size, duplicate keys, long numbers, NaN and
lone surrogates are clean refusals (exit 6) naming what and where, never RecursionError, ValueError or
UnicodeEncodeError (exit 70); invalid Unicode is refused at the other edges too (store, CLI arguments)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from reviewdesk import safe_json
from reviewdesk.errors import ValidationError
from reviewdesk.packages.manifest import ManifestError, parse
from reviewdesk.scoring.rubric import parse_rubric
from reviewdesk.scoring.sheet import parse_sheet
from reviewdesk.services import users
from reviewdesk.store.models import User
from reviewdesk.workspace import OpenWorkspace
from tests.conftest import ADMIN, ADMIN_PW
from tests.helpers import run_cli

DEEP = "[" * 1000 + "]" * 1000


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('{"a": ' + DEEP + "}", ["nested deeper than 32 levels", "line 1 column"]),
        ('{"a": "x\\ud800"}', ["unpaired surrogate", "at a"]),
        ('{"cases": [{"title": "\\udc00"}]}', ["at cases[0].title"]),
        ('{"a": 1, "a": 2}', ['duplicate key "a"']),
        ('{"n": ' + "7" * 4300 + "}", ["a number of 4300 characters"]),
        ('{"n": 1e' + "9" * 50 + "}", ["a number of"]),
        ('{"n": NaN}', ["NaN is not a JSON number"]),
        ('{"a": ', ["not valid JSON", "line 1 column 7"]),
        (b'{"a": "\xff"}', ["not valid UTF-8", "byte 7"]),
        ('{"a": "' + "x" * 70_000 + '"}', ["larger than the limit of 64 KiB"]),
    ],
)
def test_refusals_name_what_and_where(text: str | bytes, words: list[str]) -> None:
    with pytest.raises(safe_json.JsonRefused) as err:
        safe_json.loads(text, what="sheet.json", max_bytes=64 * 1024)
    assert err.value.exit_code == 6 and str(err.value).startswith("sheet.json: ")
    for word in words:
        assert word in str(err.value)


def test_valid_json_is_read_as_usual() -> None:
    text = '{"emoji": "\\ud83d\\ude00", "path": "C:\\\\ud800", "n": [1, 2.5, -3], "deep": ' + "[" * 31 + "]" * 31 + "}"
    value = safe_json.loads(text.encode(), what="x", max_bytes=4096)
    assert value["emoji"] == "😀" and value["path"] == "C:\\ud800" and value["n"] == [1, 2.5, -3]


def test_manifest_rubric_and_sheet_refuse_cleanly() -> None:
    with pytest.raises(ManifestError, match="nested deeper"):
        parse(('{"format": "reviewdesk-package", "x": ' + DEEP + "}").encode())
    with pytest.raises(ManifestError, match="unpaired surrogate") as err:
        parse(b'{"format": "reviewdesk-package", "cases": [{"title": "\\ud800"}]}')
    assert err.value.where == "cases[0].title"
    with pytest.raises(ValidationError, match="rubric: nested deeper"):
        parse_rubric(DEEP.encode())
    with pytest.raises(ValidationError, match="sheet: a number of 4300 characters"):
        parse_sheet('{"items": [{"item": "A1", "score": ' + "9" * 4300 + "}]}")


def test_store_refuses_lone_surrogates_from_any_edge(admin_ws: OpenWorkspace) -> None:
    with pytest.raises(ValidationError, match="User.display_name: holds an unpaired surrogate"):
        users.add_user(admin_ws, "clerk", "某\ud800", "observer", "clerk-pass-2026")
    with admin_ws.read_session() as s:
        assert s.scalar(select(func.count()).select_from(User)) == 1


def test_cli_deep_rubric_and_non_utf8_argument_exit_6(admin_ws: OpenWorkspace, ws_folder: Path, tmp_path: Path) -> None:
    admin_ws.close()
    env = {"REVIEWDESK_WORKSPACE": str(ws_folder), "REVIEWDESK_USER": ADMIN, "PW": ADMIN_PW}
    (tmp_path / "deep.json").write_text(DEEP)
    r = run_cli("rubric", "import", str(tmp_path / "deep.json"), "--password-env", "PW", env=env)
    assert r.returncode == 6 and "nested deeper than 32 levels" in r.stderr and "Traceback" not in r.stderr
    r = run_cli("users", "add", "x\udcff", "--password-env", "PW", env=env)  # the byte 0xFF, as a shell passes it
    assert r.returncode == 6 and "not valid UTF-8" in r.stderr
