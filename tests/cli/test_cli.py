"""The giscope command as a user runs it: the installed console script in a subprocess, against real
SQLite files. Read-only tests share one database initialised by `giscope init` per test module (and
xdist worker); tests that write work on a copy of it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from gi_lists.entries import HOME_SOURCE
from gi_lists.model import ACTIVE_STATUSES

PROJECT_ROOT = Path(__file__).resolve().parents[2]
REFERENCE_DIR = PROJECT_ROOT / "data" / "reference"
_SCRIPT = Path(sys.executable).with_name("giscope")
COMMAND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "cli"]

GI_KEYS = {"id", "names", "product_class", "origin", "region", "protections"}
NAME_KEYS = {"text", "kind", "lang", "script"}
PROTECTION_KEYS = {"jurisdiction", "route", "agreement", "annex", "status", "since", "source", "confidence"}
PROBLEM_LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): (?P<column>[^:]+): (?P<problem>.+)$")
SUMMARY = re.compile(r"(\d+) (?:were|would be) added, (\d+) changed, (\d+) removed, (\d+) unchanged")

# ---------------------------------------------------------------------------------------------
# Running the command
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


def giscope(
    *args: str | Path, db: Path | str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> Run:
    """Run the console script; `db` is an SQLite file (Path) or a raw GISCOPE_DATABASE_URL (str)."""
    extra = env or {}
    env = {k: v for k, v in os.environ.items() if not k.startswith("GISCOPE_")}
    env["GISCOPE_DATABASE_URL"] = f"sqlite:///{db}" if isinstance(db, Path) else db
    env["GISCOPE_USER"] = "tester"
    env.update(extra)
    env["PYTHONIOENCODING"] = "utf-8"
    proc = subprocess.run(
        [*COMMAND, *(str(a) for a in args)],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    return Run(proc.returncode, proc.stdout, proc.stderr)


def ok(run: Run) -> Run:
    assert run.code == 0, f"exit {run.code}\nstdout:\n{run.out}\nstderr:\n{run.err}"
    assert "Traceback" not in run.err
    return run


def clean_error(run: Run, *fragments: str, one_line: bool = True) -> str:
    """Exit 1, no traceback, a `giscope: ...` line on stderr containing every fragment."""
    assert run.code == 1, f"exit {run.code}\nstdout:\n{run.out}\nstderr:\n{run.err}"
    assert "Traceback" not in run.err, run.err
    lines = run.err_lines
    assert lines, "nothing on stderr"
    # either a summary line or, for a single problem in a file, the FILE[:LINE]: ... line itself
    assert lines[-1].startswith("giscope: ") or re.match(r"^[^\s:]+(:\d+)?: ", lines[-1]), run.err
    if one_line:
        assert len(lines) == 1, run.err
    for fragment in fragments:
        assert fragment in run.err, f"{fragment!r} not in {run.err!r}"
    return run.err


def summary(out: str) -> tuple[int, int, int, int]:
    """(added, changed, removed, unchanged) from an import's last line."""
    found = SUMMARY.search(out)
    assert found, out
    added, changed, removed, unchanged = (int(g) for g in found.groups())
    return added, changed, removed, unchanged


def as_json(run: Run) -> Any:
    return json.loads(ok(run).out)


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline="")))


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def copy_database(source: Path, target: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        src = Path(f"{source}{suffix}")
        if src.exists():
            shutil.copy2(src, f"{target}{suffix}")
    return target


def by_id(gis: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {gi["id"]: gi for gi in gis}


def name_texts(gi: dict[str, Any]) -> set[str]:
    return {n["text"] for n in gi["names"]}


def assert_gi_contract(gi: dict[str, Any]) -> None:
    assert set(gi) >= GI_KEYS, sorted(gi)
    assert gi["names"], gi["id"]
    for name in gi["names"]:
        assert set(name) >= NAME_KEYS, name
    for protection in gi["protections"]:
        assert set(protection) >= PROTECTION_KEYS, protection


# ---------------------------------------------------------------------------------------------
# Shared data
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Shared:
    path: Path
    init: Run


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Shared:
    """A database initialised by `giscope init`; tests must only read it."""
    path = tmp_path_factory.mktemp("cli_shared") / "register.sqlite3"
    return Shared(path, ok(giscope("init", db=path)))


@pytest.fixture(scope="module")
def reference_export(shared: Shared) -> list[dict[str, Any]]:
    gis = as_json(giscope("export", "--format", "json", db=shared.path))
    assert isinstance(gis, list)
    return gis


@pytest.fixture
def db(shared: Shared, tmp_path: Path) -> Path:
    """A writable copy of the shared initialised database."""
    return copy_database(shared.path, tmp_path / "register.sqlite3")


def holders_of(
    gis: list[dict[str, Any]], match: Callable[[dict[str, Any], dict[str, Any]], bool]
) -> list[str]:
    """Ids of the GIs, once per protection, for which match(gi, protection) holds."""
    return [gi["id"] for gi in gis for p in gi["protections"] if match(gi, p)]


def reference_rows(file: str) -> list[dict[str, str]]:
    with (REFERENCE_DIR / file).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# A Thai national register batch and its update (the bundled lists put only their Thai GIs in register/TH,
# as protected at home: THAI_HOME).
BATCH_HEADER = [
    "name", "name_zh", "translation_en", "product_class", "origin", "region", "status", "since", "source",
    "confidence",
]  # fmt: skip
BATCH_V1 = [
    ["Kafae Test Hill", "", "Test Hill coffee", "Coffee", "TH", "Chiang Rai", "pending", "2023-01-15",
     "DIP notice 1", "medium"],
    ["Khao Test Thung", "", "Test Thung rice", "Rice", "TH", "Roi Et", "pending", "2023-02", "", "medium"],
    ["Som Test Pak", "", "Test Pak pomelo", "Fruit", "TH", "Nakhon Si Thammarat", "pending", "2023-03",
     "DIP notice 3", "low"],
    ["Roquefort", "洛克福奶酪", "", "Cheeses", "FR", "Aveyron", "protected", "2015", "test batch",
     "high"],
]  # fmt: skip
BATCH_V2 = [
    ["Kafae Test Hill", "", "Test Hill coffee", "Coffee", "TH", "Chiang Rai", "protected", "2024-05-01",
     "DIP notice 4", "high"],
    BATCH_V1[1],
    BATCH_V1[3],
]  # fmt: skip
BATCH_SOURCE = "DIP gazette 2024"
BATCH_IDS = {"th-kafae-test-hill", "th-khao-test-thung", "th-som-test-pak", "fr-roquefort"}
TH_FOREIGN = {"fr-champagne", "fr-cognac"}  # registered by DIP (th_foreign_gis.csv)
THAI_HOME = {
    "th-khao-sangyod-muang-phatthalung",  # in the EU register, so protected at home
    "th-kafae-doi-chaang",
    "th-kafae-doi-tung",
    "th-khao-hom-mali-thung-kula-rong-hai",
    "th-makham-wan-phetchabun",
    "th-maphrao-nam-hom-ratchaburi",
    "th-som-o-tubtim-siam-pak-phanang",
    "th-thurian-prachin",
}


def import_batch(db: Path, file: Path, *extra: str) -> Run:
    return giscope(
        "import", file.name, "--register", "TH", "--source", BATCH_SOURCE, *extra, db=db, cwd=file.parent
    )


def th_protection(gi: dict[str, Any]) -> dict[str, Any]:
    found = [p for p in gi["protections"] if p["jurisdiction"] == "TH"]
    assert len(found) == 1, gi["protections"]
    return found[0]


# ---------------------------------------------------------------------------------------------
# 1. init
# ---------------------------------------------------------------------------------------------


def test_init_on_an_empty_database_prints_every_bundled_list(shared: Shared) -> None:
    table: dict[str, tuple[int, int]] = {}
    for line in shared.init.out.splitlines():
        parts = line.split()
        if len(parts) == 5 and parts[1].isdigit():
            table[parts[0]] = (int(parts[1]), int(parts[2]))
    annex_counts = Counter(
        row["annex"]
        for file in ("china_eu_annexes.csv", "china_eu_uk_names.csv")
        for row in reference_rows(file)
    )
    for annex, count in annex_counts.items():
        assert table[f"china-eu/{annex}"] == (count, count)
    keys = (
        "china-france",
        "china-thailand",
        "register/EU",
        "register/CN",
        "register/TH",
        "home/CN",
        "home/EU",
    )
    for key in keys + ("home/FR", "home/TH"):
        assert key in table
    listed = sum(rows for key, (rows, _) in table.items() if not key.startswith("home/"))
    # the annexes, the UK names of the signed annexes, the bilateral lists (France 27, Thailand 7), the
    # EU register (3,481 rows but 5 cancellation requests; the 10 pilot names merged into it) and the
    # foreign GIs China and Thailand protect by their own routes (cn_foreign_gis.csv: Scotch Whisky,
    # Tequila; th_foreign_gis.csv: Champagne, Cognac)
    assert listed == 559 + 8 + 27 + 7 + 3476 + 2 + 2
    total = sum(added for _, added in table.values())
    assert f"{total} protections added" in shared.init.out


def test_a_second_init_keeps_the_register_and_reload_reference_changes_nothing(
    db: Path, reference_export: list[dict[str, Any]]
) -> None:
    again = ok(giscope("init", db=db))
    assert "already holds GIs" in again.out

    reload = ok(giscope("init", "--reload-reference", db=db))
    assert "0 protections added, 0 GIs changed" in reload.out
    rows = [
        line.split() for line in reload.out.splitlines() if re.match(r"^\S+\s+\d+\s+\d+\s+\d+\s+\d+$", line)
    ]
    # 5 annexes, 2 bilateral lists, the EU register with its pilot names, China's and Thailand's foreign
    # GIs, 4 home lists
    assert len(rows) == 14
    assert all(row[2:] == ["0", "0", "0"] for row in rows), reload.out

    assert as_json(giscope("export", "--format", "json", db=db)) == reference_export


def test_export_json_after_init_gives_every_bundled_row_exactly_once_with_sources(
    reference_export: list[dict[str, Any]],
) -> None:
    gis = reference_export
    assert len({gi["id"] for gi in gis}) == len(gis)
    protections = [p for gi in gis for p in gi["protections"]]
    listed = [p for p in protections if p["source"] != HOME_SOURCE]
    assert len(listed) == 559 + 8 + 27 + 7 + 3476 + 2 + 2
    for gi in gis:
        assert_gi_contract(gi)
    # the EU register: >= 3,400 GIs protected there through it, each row "as of July 2020"
    eu_register = [
        gi for gi in gis if any(p["jurisdiction"] == "EU" and p["reference"] for p in gi["protections"])
    ]
    assert len(eu_register) >= 3400
    champagne = by_id(gis)["fr-champagne"]
    assert sorted(
        (p["jurisdiction"], p["route"], p["agreement"], p["reference"]) for p in champagne["protections"]
    ) == [
        ("CN", "agreement", "china-eu", None),
        ("CN", "national-register", "china-france", None),
        ("CN", "trademark", "china-france", None),
        ("EU", "national-register", None, "PDO-FR-A1359"),
        ("FR", "national-register", None, "PDO-FR-A1359"),  # home, with the EU file number
        ("TH", "national-register", None, None),  # registered by DIP (th_foreign_gis.csv)
    ]
    assert len([gi for gi in gis if "Champagne" in name_texts(gi)]) == 1
    assert all(p["source"] and p["confidence"] for p in protections)

    annex_rows = reference_rows("china_eu_annexes.csv")
    assert len(annex_rows) == 559
    # each Chinese rendering of an EU name is a name of its GI, with its own source
    renderings = [n for gi in gis for n in gi["names"] if n["kind"] == "official-rendering"]
    assert (
        len(
            {
                gi["id"]
                for gi in gis
                if gi["origin"] != "CN" and any(n["kind"] == "official-rendering" for n in gi["names"])
            }
        )
        >= 267
    )
    assert all(n["source"] and n["confidence"] for n in renderings)
    for row in annex_rows:
        first_name = row["name"].split(" / ")[0].strip()
        holders = holders_of(
            gis,
            lambda gi, p, row=row, first_name=first_name: (
                p["agreement"] == "china-eu"
                and p["annex"] == row["annex"]
                and (p["source"], p["confidence"]) == (row["source"], row["confidence"])
                and first_name in name_texts(gi)
            ),
        )
        assert len(holders) == 1, (row["annex"], row["name"], holders)
        if row["party"] != "CN" and "Greek:" not in row["source"]:
            # each " / " part of an EU name is a name of its GI
            assert {part.strip() for part in row["name"].split(" / ")} <= name_texts(by_id(gis)[holders[0]])

    bilateral_rows = reference_rows("bilateral_entries.csv")
    assert len(bilateral_rows) == 44
    for row in bilateral_rows:
        if row["agreement"] == "EU-CN 10+10 pilot":
            # the pilot's names are EU-register names: one GI, the register's protection, the pilot's note
            holders = holders_of(
                gis,
                lambda gi, p, row=row: (
                    p["jurisdiction"] == "EU"
                    and bool(p["reference"])
                    and row["status"] in (p["note"] or "")
                    and {row["name"], row["name_local"]} <= name_texts(gi)
                ),
            )
            assert len(holders) == 1, row["name"]
            continue
        holders = holders_of(
            gis,
            lambda gi, p, row=row: (
                (p["source"], p["confidence"]) == (row["source"], row["confidence"])
                # a date the note calls unconfirmed is kept in the note, not shown as `since`
                and ((p["since"] or "") == row["date"] or (p["since"] is None and "unconfirmed" in p["note"]))
                and bool({row["name"], row["name_local"]} & name_texts(gi))
            ),
        )
        assert len(holders) == 1, (row["name"], holders)

    champagne = by_id(gis)["fr-champagne"]
    routes = {(p["route"], p["agreement"], p["annex"], p["jurisdiction"]) for p in champagne["protections"]}
    assert routes == {
        ("agreement", "china-eu", "IV", "CN"),
        ("national-register", "china-france", None, "CN"),
        ("trademark", "china-france", None, "CN"),
        ("national-register", None, None, "EU"),  # home
        ("national-register", None, None, "FR"),  # home
        ("national-register", None, None, "TH"),  # registered by DIP (th_foreign_gis.csv)
    }


# ---------------------------------------------------------------------------------------------
# 2-3. import: errors
# ---------------------------------------------------------------------------------------------

BAD_HEADER = ["name", "transcription", "product_class", "origin", "region", "status", "since", "source"]
PINYIN = ["Yi", "Er", "San", "Si", "Wu", "Liu", "Qi", "Ba", "Jiu", "Shi"]
NUMERALS = list(zip("一二三四五六七八九十", PINYIN, strict=True))


def test_import_with_three_bad_rows_writes_nothing(
    db: Path, shared: Shared, reference_export: list[dict[str, Any]], tmp_path: Path
) -> None:
    rows = [
        [f"测试{zh}号茶", f"Ceshi {py} Hao Cha", "Tea", "CN", "Fujian", "pending", "2022-12-02", "OJ C 459"]
        for zh, py in NUMERALS
    ]
    rows[1][0] = ""  # line 3
    rows[4][6] = "2022-13-45"  # line 6
    rows[8][3] = "Zhejiang"  # line 10
    write_csv(tmp_path / "annex_v.csv", BAD_HEADER, rows)
    existing = "cn-wujiatai-gong-cha"  # on Annex V: a successful import would have withdrawn it
    before = as_json(giscope("show", existing, "--json", db=shared.path))

    run = giscope("import", "annex_v.csv", "--agreement", "china-eu", "--annex", "V", db=db, cwd=tmp_path)

    clean_error(run, one_line=False)
    assert run.out == ""
    problems = [PROBLEM_LINE.match(line) for line in run.err_lines[:-1]]
    assert all(problems), run.err
    found = {(m["file"], int(m["line"]), m["column"]) for m in problems if m}
    assert found == {("annex_v.csv", 3, "name"), ("annex_v.csv", 6, "since"), ("annex_v.csv", 10, "origin")}
    assert len(problems) == 3
    assert "Zhejiang" in run.err and "2022-13-45" in run.err
    assert run.err_lines[-1].startswith("giscope: ") and "nothing was written" in run.err_lines[-1]

    assert as_json(giscope("export", "--format", "json", db=db)) == reference_export
    after = as_json(giscope("show", existing, "--json", db=db))
    assert after == before
    assert after["history"] and all(
        p["status"] == "pending" for p in after["protections"] if p["annex"] == "V"
    )


def test_import_with_an_unknown_column_names_it_on_line_1(db: Path, tmp_path: Path) -> None:
    write_csv(
        tmp_path / "batch.csv",
        ["name", "product_class", "origin", "colour"],
        [["X Test", "Tea", "TH", "red"]],
    )
    run = giscope("import", "batch.csv", "--register", "TH", db=db, cwd=tmp_path)
    clean_error(run, one_line=False)
    assert run.err_lines[0].startswith("batch.csv:1: colour: unknown column"), run.err


def test_import_without_a_required_column_names_it_on_line_1(db: Path, tmp_path: Path) -> None:
    write_csv(tmp_path / "batch.csv", ["name", "product_class"], [["X Test", "Tea"]])
    run = giscope("import", "batch.csv", "--register", "TH", db=db, cwd=tmp_path)
    clean_error(run, one_line=False)
    assert "batch.csv:1: origin: required column is missing" in run.err_lines


def test_import_of_a_file_that_is_not_utf8_says_so(db: Path, tmp_path: Path) -> None:
    (tmp_path / "latin1.csv").write_bytes(
        "name,product_class,origin\nComté Test,Cheeses,FR\n".encode("latin-1")
    )
    run = giscope("import", "latin1.csv", "--register", "FR", db=db, cwd=tmp_path)
    clean_error(run, "latin1.csv", "UTF-8", one_line=False)


def test_import_of_a_missing_file_says_so(db: Path, tmp_path: Path) -> None:
    run = giscope("import", "nowhere.csv", "--register", "TH", db=db, cwd=tmp_path)
    clean_error(run, "nowhere.csv", "no such file", one_line=False)


@pytest.mark.parametrize(
    ("options", "fragment"),
    [
        (["--agreement", "china-mars", "--annex", "V"], "unknown agreement 'china-mars'"),
        (["--agreement", "china-eu"], "--annex"),
        (["--agreement", "china-eu", "--annex", "IX"], "annex 'IX'"),
        (["--agreement", "china-eu", "--annex", "V", "--register", "CN"], "either --agreement"),
        ([], "either --agreement"),
        (["--register", "XX"], "unknown jurisdiction 'XX'"),
    ],
    ids=[
        "unknown-agreement",
        "eu-without-annex",
        "unknown-annex",
        "agreement-and-register",
        "neither",
        "bad-register",
    ],
)
def test_import_with_a_wrong_target_is_one_clean_error_line(
    db: Path, tmp_path: Path, options: list[str], fragment: str
) -> None:
    write_csv(tmp_path / "batch.csv", ["name", "product_class", "origin"], [["测试茶", "Tea", "CN"]])
    clean_error(giscope("import", "batch.csv", *options, db=db, cwd=tmp_path), fragment)


# ---------------------------------------------------------------------------------------------
# 4. import: a good batch, dry run, repeat and update
# ---------------------------------------------------------------------------------------------


def test_dry_run_prints_additions_and_writes_nothing_and_the_same_file_twice_changes_nothing(
    db: Path, tmp_path: Path
) -> None:
    batch = write_csv(tmp_path / "register_th.csv", BATCH_HEADER, BATCH_V1)

    dry = ok(import_batch(db, batch, "--dry-run"))
    added = {line.split()[1] for line in dry.out.splitlines() if line.startswith("+ ")}
    assert added == BATCH_IDS
    assert "would be added" in dry.out
    assert summary(dry.out) == (4, 0, 0, 0)

    real = ok(import_batch(db, batch))
    assert summary(real.out) == (4, 0, 0, 0), "the dry run wrote something"
    assert "batch" in real.out

    again = ok(import_batch(db, batch))
    assert summary(again.out) == (0, 0, 0, 4)
    assert not any(line.startswith(("+ ", "~ ", "- ")) for line in again.out.splitlines())
    assert "(batch" not in again.out

    hits = as_json(giscope("search", "Test", "--in", "TH", "--json", db=db))
    assert {gi["id"] for gi in hits} == BATCH_IDS - {"fr-roquefort"}
    khao = by_id(hits)["th-khao-test-thung"]
    assert th_protection(khao)["source"] == BATCH_SOURCE  # --source fills an empty source cell


def test_an_updated_batch_records_each_change_and_withdraws_missing_entries(db: Path, tmp_path: Path) -> None:
    ok(import_batch(db, write_csv(tmp_path / "v1.csv", BATCH_HEADER, BATCH_V1)))
    v2 = write_csv(tmp_path / "v2.csv", BATCH_HEADER, BATCH_V2)

    dry = ok(import_batch(db, v2, "--dry-run"))
    lines = dry.out.splitlines()
    assert any(ln.startswith("~ th-kafae-test-hill") and "pending -> protected" in ln for ln in lines), (
        dry.out
    )
    assert any(ln.startswith("- th-som-test-pak") and "withdrawn" in ln for ln in lines), dry.out
    assert summary(dry.out) == (0, 1, 1, 2)

    refused = import_batch(db, v2)  # 1 of the 3 entries the TH batch speaks for: more than a tenth
    assert refused.code == 1 and "--confirm-withdrawals 1" in refused.err, refused.err
    confirmed = import_batch(db, v2, "--confirm-withdrawals", "1")
    assert summary(ok(confirmed).out) == (0, 1, 1, 2), "the dry run or the refusal wrote something"
    assert summary(ok(import_batch(db, v2)).out) == (0, 0, 0, 3)

    kafae = as_json(giscope("show", "th-kafae-test-hill", "--json", db=db))
    assert th_protection(kafae)["status"] == "protected"
    assert th_protection(kafae)["since"] == "2024-05-01"
    events = {(h["before"], h["after"]): h for h in kafae["history"] if "status" in h["what"]}
    assert (None, "pending") in events and ("pending", "protected") in events, kafae["history"]
    change = events[("pending", "protected")]
    assert change["who"] == "tester" and "v2.csv" in change["reason"] and change["source"] == "DIP notice 4"

    pak = as_json(giscope("show", "th-som-test-pak", "--json", db=db))
    assert th_protection(pak)["status"] == "withdrawn"
    assert any(h["before"] == "pending" and h["after"] == "withdrawn" for h in pak["history"]), pak["history"]


def test_keep_missing_does_not_withdraw_entries_left_out_of_the_file(db: Path, tmp_path: Path) -> None:
    ok(import_batch(db, write_csv(tmp_path / "v1.csv", BATCH_HEADER, BATCH_V1)))
    run = ok(import_batch(db, write_csv(tmp_path / "v2.csv", BATCH_HEADER, BATCH_V2), "--keep-missing"))
    assert summary(run.out) == (0, 1, 0, 2)
    pak = as_json(giscope("show", "th-som-test-pak", "--json", db=db))
    assert th_protection(pak)["status"] == "pending"
    assert not any(h["after"] == "withdrawn" for h in pak["history"])


# ---------------------------------------------------------------------------------------------
# 5. XLSX
# ---------------------------------------------------------------------------------------------


def test_xlsx_import_gives_the_same_register_as_the_same_rows_in_csv(shared: Shared, tmp_path: Path) -> None:
    csv_db = copy_database(shared.path, tmp_path / "csv.sqlite3")
    xlsx_db = copy_database(shared.path, tmp_path / "xlsx.sqlite3")
    xlsx_rows = [list(row) for row in BATCH_V1]
    xlsx_rows[0][7] = dt.date(2023, 1, 15)  # a real date cell
    xlsx_rows[3][7] = 2015  # a number cell
    csv_file = write_csv(tmp_path / "batch.csv", BATCH_HEADER, BATCH_V1)
    xlsx_file = write_xlsx(tmp_path / "batch.xlsx", BATCH_HEADER, xlsx_rows)

    assert summary(ok(import_batch(csv_db, csv_file)).out) == (4, 0, 0, 0)
    assert summary(ok(import_batch(xlsx_db, xlsx_file)).out) == (4, 0, 0, 0)
    assert summary(ok(import_batch(xlsx_db, xlsx_file)).out) == (0, 0, 0, 4)

    from_csv = as_json(giscope("export", "--in", "TH", "--format", "json", db=csv_db))
    from_xlsx = as_json(giscope("export", "--in", "TH", "--format", "json", db=xlsx_db))
    assert {gi["id"] for gi in from_xlsx} == BATCH_IDS | THAI_HOME | TH_FOREIGN
    assert from_xlsx == from_csv
    assert th_protection(by_id(from_xlsx)["th-kafae-test-hill"])["since"] == "2023-01-15"
    assert th_protection(by_id(from_xlsx)["fr-roquefort"])["since"] == "2015"


def test_xlsx_import_reports_bad_rows_with_their_sheet_row_numbers(db: Path, tmp_path: Path) -> None:
    rows: list[list[Any]] = [
        ["Kafae Test Hill", "Coffee", "TH", "2023"],
        ["Khao Test Thung", "Rice", "TH", "2023-02-30"],  # row 3
        [],  # row 4, blank
        ["Som Test Pak", "Fruit", "Zhejiang", "2023"],  # row 5
        ["Thurian Test", "Fruit", "TH", "2023"],
    ]
    write_xlsx(tmp_path / "batch.xlsx", ["name", "product_class", "origin", "since"], rows)
    run = giscope("import", "batch.xlsx", "--register", "TH", db=db, cwd=tmp_path)
    clean_error(run, one_line=False)
    problems = [PROBLEM_LINE.match(line) for line in run.err_lines[:-1]]
    assert all(problems), run.err
    assert {(m["file"], int(m["line"]), m["column"]) for m in problems if m} == {
        ("batch.xlsx", 3, "since"),
        ("batch.xlsx", 5, "origin"),
    }
    assert len(problems) == 2
    assert "nothing was written" in run.err_lines[-1]


# ---------------------------------------------------------------------------------------------
# 6. export
# ---------------------------------------------------------------------------------------------


def test_export_of_annex_iv_gives_its_100_names_96_in_force_in_csv_xlsx_and_json(
    shared: Shared, tmp_path: Path
) -> None:
    flt = ["--agreement", "china-eu", "--annex", "IV"]
    rows = csv_rows(ok(giscope("export", *flt, "--format", "csv", db=shared.path)).out)
    assert len(rows) == 100
    assert Counter(r["status"] for r in rows) == {"protected": 96, "withdrawn": 4}  # 4 UK names
    assert {"source", "confidence"} <= set(rows[0])
    assert all(r["annex"] == "IV" and r["agreement"] == "china-eu" for r in rows)
    assert all(r["source"] and r["confidence"] for r in rows)
    assert len({r["id"] for r in rows}) == 100

    out = tmp_path / "annex_iv.xlsx"
    run = ok(giscope("export", *flt, "--format", "xlsx", "-o", out, db=shared.path))
    assert run.out == ""
    wb = load_workbook(out, read_only=True)
    sheet = list(wb.worksheets[0].iter_rows(values_only=True))
    wb.close()
    header = list(sheet[0])
    assert header == list(rows[0])
    assert len(sheet) == 101
    xlsx_ids = {dict(zip(header, r, strict=True))["id"] for r in sheet[1:]}
    assert xlsx_ids == {r["id"] for r in rows}

    gis = as_json(giscope("export", *flt, "--format", "json", db=shared.path))
    assert len(gis) == 100
    assert {gi["id"] for gi in gis} == xlsx_ids
    for gi in gis:
        assert_gi_contract(gi)
        assert any(p["annex"] == "IV" for p in gi["protections"])


def test_export_in_france_includes_gis_protected_in_the_eu(
    shared: Shared, reference_export: list[dict[str, Any]]
) -> None:
    rows = csv_rows(ok(giscope("export", "--in", "FR", "--format", "csv", db=shared.path)).out)
    ids = {r["id"] for r in rows}
    assert "cn-anxi-tie-guan-yin" in ids
    assert {r["jurisdiction"] for r in rows} <= {"EU", "FR"}
    expected = {
        gi["id"]
        for gi in reference_export
        if any(
            p["jurisdiction"] in ("EU", "FR") and p["status"] in ACTIVE_STATUSES for p in gi["protections"]
        )
    }
    assert ids == expected
    anxi = [r for r in rows if r["id"] == "cn-anxi-tie-guan-yin"]
    assert [(r["jurisdiction"], r["annex"], r["status"]) for r in anxi] == [("EU", "III", "protected")]


FORMULA_NAMES = ['=HYPERLINK("http://x")', "+1 Brandy", "-1 Cheese", "@SUM(A1)"]


def test_export_neutralises_formula_cells_in_csv_and_xlsx_but_not_in_json(db: Path, tmp_path: Path) -> None:
    rows = [[name, "Wine", "TH", "", "protected", ""] for name in FORMULA_NAMES]
    rows[0][5] = "=cmd|' /C calc'!A0"  # source
    rows[1][3] = "-Region"  # region
    write_csv(
        tmp_path / "formulas.csv", ["name", "product_class", "origin", "region", "status", "source"], rows
    )
    assert summary(ok(giscope("import", "formulas.csv", "--register", "TH", db=db, cwd=tmp_path)).out)[0] == 4
    expected = {"'" + name for name in FORMULA_NAMES}

    exported = [
        r
        for r in csv_rows(ok(giscope("export", "--in", "TH", "--format", "csv", db=db)).out)
        # the Thai GIs of the bundled lists, protected at home, and the foreign GIs DIP registered
        if r["source"] != HOME_SOURCE and r["id"] not in TH_FOREIGN
    ]
    assert {r["name"] for r in exported} == expected
    assert "'=cmd|' /C calc'!A0" in {r["source"] for r in exported}
    assert "'-Region" in {r["region"] for r in exported}

    out = tmp_path / "th.xlsx"
    ok(giscope("export", "--in", "TH", "--format", "xlsx", "-o", out, db=db))
    wb = load_workbook(out)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    cells = [dict(zip(header, row, strict=True)) for row in ws.iter_rows(min_row=2)]
    cells = [c for c in cells if c["source"].value != HOME_SOURCE and c["id"].value not in TH_FOREIGN]
    assert {c["name"].value for c in cells} == expected
    assert all(c["name"].data_type == "s" for c in cells)
    assert "'=cmd|' /C calc'!A0" in {c["source"].value for c in cells}

    gis = as_json(giscope("export", "--in", "TH", "--format", "json", db=db))
    gis = [gi for gi in gis if gi["id"] not in THAI_HOME | TH_FOREIGN]
    assert {gi["names"][0]["text"] for gi in gis} == set(FORMULA_NAMES)
    assert "=cmd|' /C calc'!A0" in {p["source"] for gi in gis for p in gi["protections"]}


def test_export_to_a_missing_directory_gives_a_clean_error(shared: Shared, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "out.csv"
    run = giscope("export", "--format", "csv", "-o", target, db=shared.path)
    clean_error(run, "cannot write", str(target))
    assert not target.parent.exists()


@pytest.mark.parametrize(
    ("options", "fragment"),
    [
        (["--annex", "IV"], "--annex needs --agreement"),
        (["--agreement", "china-mars"], "unknown agreement 'china-mars'"),
        (["--in", "XX"], "unknown jurisdiction 'XX'"),
    ],
    ids=["annex-without-agreement", "unknown-agreement", "unknown-jurisdiction"],
)
def test_export_with_a_wrong_filter_is_one_clean_error_line(
    shared: Shared, options: list[str], fragment: str
) -> None:
    clean_error(giscope("export", *options, "--format", "json", db=shared.path), fragment)


# ---------------------------------------------------------------------------------------------
# 7. search
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["Anxi Tie Guan Yin", "anxi tieguanyin", "安溪鐵觀音", "安溪铁观音"])
def test_every_written_form_of_anxi_tie_guan_yin_finds_it_first(shared: Shared, query: str) -> None:
    hits = as_json(giscope("search", query, "--json", db=shared.path))
    assert hits and hits[0]["id"] == "cn-anxi-tie-guan-yin"
    for gi in hits:
        assert_gi_contract(gi)
    anxi = hits[0]
    assert {"安溪铁观音", "Anxi Tie Guan Yin"} <= name_texts(anxi)
    assert [(p["jurisdiction"], p["agreement"], p["annex"]) for p in anxi["protections"]] == [
        ("EU", "china-eu", "III"),
        ("CN", None, None),  # home
    ]


def test_search_in_a_jurisdiction_keeps_only_gis_protected_there(shared: Shared) -> None:
    pending_cn = as_json(giscope("search", "Thung Kula Rong-Hai", "--in", "CN", "--json", db=shared.path))
    assert pending_cn and pending_cn[0]["protections"][0]["status"] == "pending"
    in_fr = ok(giscope("search", "Makham Wan Phetchabun", "--in", "FR", db=shared.path))
    assert "no GI matches" in in_fr.out  # a Thai GI pending in China and not in the EU register
    in_th = as_json(giscope("search", "Thung Kula Rong-Hai", "--in", "TH", "--json", db=shared.path))
    assert in_th[0]["id"] == "th-khao-hom-mali-thung-kula-rong-hai"  # but at home, in Thailand
    # "in CN" means listed, pending or protected there: a name never filed in China is left out ...
    not_filed = ok(giscope("search", "Doi Chaang", "--in", "CN", db=shared.path))
    assert "no GI matches" in not_filed.out
    # ... unless that status is asked for
    asked = as_json(
        giscope("search", "Doi Chaang", "--in", "CN", "--status", "not-filed", "--json", db=shared.path)
    )
    assert "th-kafae-doi-chaang" in {gi["id"] for gi in asked}


def test_search_by_class_and_status_keeps_only_matching_gis(shared: Shared) -> None:
    pending = as_json(
        giscope("search", "cha", "--status", "pending", "--limit", "500", "--json", db=shared.path)
    )
    assert pending
    assert all(any(p["status"] == "pending" for p in gi["protections"]) for gi in pending)
    assert {gi["product_class"] for gi in pending} != {"Tea"}, "the test needs a non-tea hit"
    tea = as_json(
        giscope(
            "search",
            "cha",
            "--status",
            "pending",
            "--class",
            "Tea",
            "--limit",
            "500",
            "--json",
            db=shared.path,
        )
    )
    assert tea
    assert [gi["id"] for gi in tea] == [gi["id"] for gi in pending if gi["product_class"] == "Tea"]


def test_search_without_results_exits_0_and_says_so(shared: Shared) -> None:
    run = ok(giscope("search", "xyzzyq", db=shared.path))
    assert "no GI matches" in run.out
    assert as_json(giscope("search", "xyzzyq", "--json", db=shared.path)) == []


@pytest.mark.parametrize(
    ("options", "fragment"),
    [(["--in", "XX"], "unknown jurisdiction 'XX'"), (["--status", "bogus"], "unknown status 'bogus'")],
    ids=["unknown-jurisdiction", "unknown-status"],
)
def test_search_with_a_wrong_filter_is_one_clean_error_line(
    shared: Shared, options: list[str], fragment: str
) -> None:
    clean_error(giscope("search", "tea", *options, db=shared.path), fragment)


# ---------------------------------------------------------------------------------------------
# 8. show
# ---------------------------------------------------------------------------------------------


def test_show_by_id_prints_names_protections_and_history(shared: Shared) -> None:
    out = ok(giscope("show", "fr-champagne", db=shared.path)).out
    assert "Champagne  [fr-champagne]" in out
    for text in (
        "香槟",
        "official-rendering",
        "china-eu",
        "china-france",
        "trademark",
        "2021-03-01",
        "history:",
    ):
        assert text in out
    assert "tester" in out.split("history:")[1]


@pytest.mark.parametrize("ref", ["fr-champagne", "香槟", "香檳", "champagne"])
def test_show_finds_champagne_by_id_and_by_any_written_name(shared: Shared, ref: str) -> None:
    gi = as_json(giscope("show", ref, "--json", db=shared.path))
    assert gi["id"] == "fr-champagne"
    assert_gi_contract(gi)
    # annex IV, GI product, collective marks; at home in the EU and FR; registered in Thailand
    assert len(gi["protections"]) == 6
    assert all(p["source"] and p["confidence"] for p in gi["protections"])
    assert gi["history"]
    for event in gi["history"]:
        assert {"at", "who", "what", "before", "after"} <= set(event)
    assert any(h["after"] == "created" for h in gi["history"])


def test_show_of_an_unknown_gi_is_a_clean_error(shared: Shared) -> None:
    clean_error(giscope("show", "no-such-gi", db=shared.path), "no-such-gi")


# ---------------------------------------------------------------------------------------------
# 9. the database itself
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["search", "tea"],
        ["show", "fr-champagne"],
        ["export", "--format", "json"],
        ["import", "b.csv", "--register", "TH"],
    ],
    ids=["search", "show", "export", "import"],
)
def test_commands_against_a_database_never_initialised_ask_for_giscope_init(
    tmp_path: Path, args: list[str]
) -> None:
    write_csv(tmp_path / "b.csv", ["name", "product_class", "origin"], [["Kafae Test", "Coffee", "TH"]])
    run = giscope(*args, db=tmp_path / "never" / "register.sqlite3", cwd=tmp_path)
    clean_error(run, "giscope init")
    assert run.out == ""


def test_a_database_url_that_is_not_a_url_is_a_clean_error(tmp_path: Path) -> None:
    clean_error(giscope("search", "tea", db="not a url"), "GISCOPE_DATABASE_URL")


def test_a_database_url_with_an_unknown_backend_is_a_clean_error() -> None:
    clean_error(giscope("search", "tea", db="nosuchdb://host/register"), "GISCOPE_DATABASE_URL")


def test_an_sqlite_path_whose_folder_cannot_be_created_is_a_clean_error(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    clean_error(giscope("search", "tea", db=tmp_path / "a-file" / "register.sqlite3"), "a-file")


def test_an_unreachable_database_server_is_one_clean_error_line() -> None:
    clean_error(giscope("search", "tea", db="postgresql+psycopg://nobody@127.0.0.1:1/giscope"), "127.0.0.1")


# ---------------------------------------------------------------------------------------------
# 10. help
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        pytest.param([], id="giscope"),
        pytest.param(["init"], id="init"),
        pytest.param(["import"], id="import"),
        pytest.param(["export"], id="export"),
        pytest.param(["search"], id="search"),
        pytest.param(["show"], id="show"),
        pytest.param(["serve"], id="serve"),
        pytest.param(["settings"], id="settings"),
    ],
)
def test_help_of_every_command_shows_an_example(tmp_path: Path, command: list[str]) -> None:
    run = ok(giscope(*command, "--help", db=tmp_path / "unused.sqlite3"))
    assert "Example:" in run.out


# ---------------------------------------------------------------------------------------------
# Bugs found while writing these tests
# ---------------------------------------------------------------------------------------------


def test_import_into_the_chinese_register_leaves_the_bilateral_lists_alone(db: Path, tmp_path: Path) -> None:
    header = ["name", "transcription", "product_class", "origin", "status"]
    write_csv(tmp_path / "cn.csv", header, [["测试一号茶", "Ceshi Yihao Cha", "Tea", "CN", "protected"]])
    run = ok(giscope("import", "cn.csv", "--register", "CN", "--dry-run", "-v", db=db, cwd=tmp_path))
    withdrawn = [line for line in run.out.splitlines() if line.startswith("- ")]
    assert withdrawn == [], withdrawn[:3]


def test_import_of_the_china_france_list_keeps_the_trademark_protection_of_a_listed_gi(
    db: Path, tmp_path: Path
) -> None:
    header = ["name", "name_zh", "product_class", "origin", "status", "since"]
    write_csv(tmp_path / "fr.csv", header, [["Champagne", "香槟", "Wine", "FR", "protected", "2013-04-11"]])
    run = ok(
        giscope("import", "fr.csv", "--agreement", "china-france", "--dry-run", "-v", db=db, cwd=tmp_path)
    )
    assert not [line for line in run.out.splitlines() if line.startswith("- fr-champagne")], run.out


def test_import_into_a_chinese_annex_rejects_a_name_from_outside_china(db: Path, tmp_path: Path) -> None:
    write_csv(tmp_path / "v.csv", ["name", "product_class", "origin"], [["Napa Test", "Wine", "US"]])
    run = giscope(
        "import", "v.csv", "--agreement", "china-eu", "--annex", "V", "--dry-run", db=db, cwd=tmp_path
    )
    clean_error(run, "v.csv:2: origin:", one_line=False)
