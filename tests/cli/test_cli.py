"""The command line as a script would use it: output, files written and exit codes
(0 done, 1 some work failed, 2 usage error)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli.main import cli
from app.core.config import get_settings
from app.core.migrations import upgrade
from tests.web.conftest import EXAMPLE, REBUTTAL

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    upgrade(url)
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()  # settings are read once per process; this test changes them
    yield url
    get_settings.cache_clear()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["serve"],
        ["migrate"],
        ["import"],
        ["export"],
        ["reextract"],
        ["keys"],
        ["keys", "create"],
        ["keys", "list"],
        ["keys", "revoke"],
    ],
)
def test_every_command_has_help(command):
    code, out, _ = run(*command, "--help")
    assert code == 0
    assert "Usage:" in out


def test_usage_errors_exit_2(database):
    assert run("export", "--format", "xml")[0] == 2
    assert run("import", "does/not/exist")[0] == 2
    assert run("keys", "create", "--scope", "root")[0] == 2
    assert run("keys", "revoke", "999")[0] == 1  # a well-formed request that failed


def test_import_is_resumable_and_reports_failures(database, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps(EXAMPLE), encoding="utf-8")
    (folder / "b.txt").write_text(REBUTTAL["text"], encoding="utf-8")
    (folder / "c.json").write_text("{not json", encoding="utf-8")
    code, out, err = run("import", str(folder), "--source", "Test Wire")
    assert code == 1
    assert "2 imported, 0 already stored, 1 failed" in out
    assert "c.json" in err
    code, out, _ = run("import", str(folder), "--source", "Test Wire")
    assert "0 imported, 2 already stored, 1 failed" in out  # resumed: nothing stored twice

    lines = tmp_path / "more.jsonl"
    lines.write_text(
        json.dumps(EXAMPLE) + "\n\n" + json.dumps({**REBUTTAL, "external_id": "x", "source": "Other Wire"}) + "\n"
    )
    code, out, _ = run("import", str(lines))
    assert code == 0 and "1 imported, 1 already stored, 0 failed" in out


def test_export_streams_figures_as_csv_and_ndjson(database, tmp_path):
    jsonl = tmp_path / "articles.jsonl"
    jsonl.write_text(json.dumps(EXAMPLE) + "\n")
    assert run("import", str(jsonl))[0] == 0
    target = tmp_path / "figures.csv"
    code, out, err = run("export", "figures", "--format", "csv", "--output", str(target))
    assert code == 0 and out == "" and "5 figures exported" in err
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert {(r["value"], r["category"], r["claimant"]) for r in rows} >= {
        ("120", "killed", "Ethiopian Defense Ministry")
    }
    code, out, _ = run("export", "statements", "--format", "ndjson")
    statements = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and any(s["speaker"] == "Samuel Tekle" for s in statements)


def test_keys_and_reextract(database):
    code, out, _ = run("keys", "create", "--scope", "read", "--label", "cli test")
    key = out.strip().splitlines()[-1]
    assert code == 0 and len(key) > 20
    assert "cli test" in run("keys", "list")[1]
    jsonl_code = run("reextract", "--all")
    assert jsonl_code[0] == 0 and "0 re-extracted, 0 failed" in jsonl_code[1]


def test_console_script_and_module_entry_point():
    script = Path(sys.executable).with_name("conflict-evidence")
    for command in ([str(script)] if script.exists() else []) + [[sys.executable, "-m", "app"]]:
        argv = command if isinstance(command, list) else [command]
        done = subprocess.run([*argv, "--help"], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0 and "export" in done.stdout
