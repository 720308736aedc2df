"""Every CLI error is one line on stderr: data echoed in messages is escaped, lists of problems are summed
up (all of them go to --json), usage errors included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewdesk.cli.main import main, one_line
from reviewdesk.workspace import OpenWorkspace
from tests import test_experts_import as ex
from tests import test_registry_import as rg
from tests.conftest import ADMIN, ADMIN_PW


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    bad_id = ex.ID_1[:17] + ("0" if ex.ID_1[17] != "0" else "1")
    experts = ex.workbook([
        ex.EXPERT_A,
        ["EXP-0002", "钱某", bad_id, "男", "宇航员", "GS-LS-01", "某所", "其他", "62010", "刑事", None, None, "也许", None],
    ])
    wrong = rg.CODE_A[:17] + ("0" if rg.CODE_A[17] != "0" else "1")
    registry = rg.workbook([["某\n公司", wrong], ["某科技有限公司", None]], [["不存在公司", None, "赵某", None, "股东", None]])
    out = {"experts": tmp_path / "experts.xlsx", "registry": tmp_path / "registry.xlsx", "junk": tmp_path / "junk.xlsx"}
    out["experts"].write_bytes(experts)
    out["registry"].write_bytes(registry)
    out["junk"].write_bytes(b"PK\x03\x04\nnot\r\nreally")
    return out


FAILING = [
    # (arguments after --workspace, expected exit code, words the line must hold)
    (["experts", "import", "{experts}"], 6, ["problem(s) in experts.xlsx", "first:", "use --json for all"]),
    (["registry", "import", "{registry}"], 6, ["problem(s) in registry.xlsx", "use --json for all"]),
    (["experts", "import", "{junk}"], 6, ["junk.xlsx"]),
    (["experts", "import", "{tmp}/missing.xlsx"], 6, ["cannot read"]),
    (["cases", "show", "no\nsuch\x1b[31mcase\u0085"], 7, ["no\\nsuch\\x1b[31mcase\\x85"]),
    (["campaign", "create", "C\n1", "--name", "x", "--year", "2026"], 6, []),
    (["unit", "add", "U-1", "--name", "某法院", "--kind", "court", "--region-code", "12\n34"], 6, []),
    (["keys", "trust-issuer", "{junk}", "--name", "某处"], 6, []),
    (["import-folder", "{tmp}"], 6, []),
    (["backup", "{junk}/x\n.rdbak"], None, []),
    (["restore", "{junk}", "--yes"], 3, []),
    (["results", "import", "{tmp}/none.rdpkg"], None, []),
    (["experts", "import"], 2, ["required"]),  # usage error
    (["campaign", "create", "C-1", "--name", "x", "--year", "twenty"], 2, ["invalid int value"]),
]


@pytest.mark.parametrize(("args", "code", "words"), FAILING, ids=[" ".join(a[:2]) + f"-{i}" for i, (a, _c, _w) in enumerate(FAILING)])
def test_failing_command_prints_exactly_one_line(
    args: list[str], code: int | None, words: list[str], admin_ws: OpenWorkspace, files: dict[str, Path],
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PW", ADMIN_PW)
    names = {k: str(v) for k, v in files.items()} | {"tmp": str(tmp_path)}
    argv = ["--workspace", str(admin_ws.workspace.folder), *(a.format(**names) for a in args)]
    if args[-1] != "import":  # the usage-error case has no auth options
        argv += ["--user", ADMIN, "--password-env", "PW"]
    capsys.readouterr()
    try:
        exit_code = main(argv)
    except SystemExit as stop:  # argparse
        exit_code = int(stop.code or 0)
    err = capsys.readouterr().err
    assert exit_code != 0
    if code is not None:
        assert exit_code == code, err
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err and not any(ord(c) < 0x20 and c != "\n" for c in err)
    for word in words:
        assert word in err


def test_the_json_output_lists_every_problem(
    admin_ws: OpenWorkspace, files: dict[str, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PW", ADMIN_PW)
    capsys.readouterr()
    code = main(["--workspace", str(admin_ws.workspace.folder), "experts", "import", str(files["experts"]), "--json",
                 "--user", ADMIN, "--password-env", "PW"])
    out, err = capsys.readouterr()
    assert code == 6 and err.count("\n") == 1
    problems = json.loads(out)["errors"]
    assert len(problems) >= 3 and {"sheet", "row", "column", "reason"} <= set(problems[0])
    assert f"{len(problems)} problem(s)" in err


def test_chinese_summary(
    admin_ws: OpenWorkspace, files: dict[str, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PW", ADMIN_PW)
    monkeypatch.setenv("REVIEWDESK_LANG", "zh_CN")
    capsys.readouterr()
    main(["--workspace", str(admin_ws.workspace.folder), "registry", "import", str(files["registry"]),
          "--user", ADMIN, "--password-env", "PW"])
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "registry.xlsx 中有" in err and "第一处" in err and "--json" in err


def test_escaping() -> None:
    assert one_line("a\nb\tc\x00\x7f\u009b\u2028") == "a\\nb c\\x00\\x7f\\x9b\\u2028"
    assert one_line("中文：正常") == "中文：正常"
