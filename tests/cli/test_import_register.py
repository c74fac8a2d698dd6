"""`giscope import-register eu` against a local HTTP server on 127.0.0.1 that serves recorded answers of the
EU register's public interface (eAmbrosia): good, truncated, malformed and slow. The answers are built from
the bundled July 2020 snapshot in the interface's own shape ({"count": N, "results": [...]}).
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from gi_lists.entries import HOME_SOURCE
from tests.cli.test_cli import Run, Shared, as_json, copy_database, giscope, ok, reference_rows

REGISTER_CSV = "registers/eu_eambrosia_2020-07.csv"
STATUS_CHANGE = "PDO-AT-02588"  # Ennstaler Steirerkas: applied in 2020, registered in this answer
DROPPED = ("PDO-AT-01272", "PDO-AT-1413")  # left out of the good answer: withdrawn
NEW_ROWS = [  # two Annex III Chinese names (registered in the EU on 2021-03-01) and a new EU name
    ("PGI-CN-02705", "横县茉莉花茶 / Hengxian Mo Li Hua Cha", "PGI", "cn", "Food",
     "Class 1.8. Other products (spices etc.)", "01/03/2021"),
    ("PGI-CN-02700", "安吉白茶 / Anji Bai Cha", "PGI", "cn", "Food",
     "Class 1.8. Other products (spices etc.)", "01/03/2021"),
    ("PDO-FR-02999", "Fromage de Testeval", "PDO", "fr", "Food", "Class 1.3. Cheeses", "12/05/2023"),
]  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Answers in the interface's shape
# ---------------------------------------------------------------------------------------------


def _dmy(iso: str) -> str | None:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if len(iso) == 10 else None


def snapshot_rows() -> list[dict[str, Any]]:
    """The bundled snapshot's rows as the interface gives them."""
    out = []
    for i, row in enumerate(reference_rows(REGISTER_CSV), start=1):
        out.append(
            {
                "id": 10_000 + i,
                "appUniqueId": f"EUGI{i:011d}",
                "fileName": row["file_number"],
                "protectedName": row["name"],
                "geographicalIndicatorTypeCode": row["type"],
                "countryId": ",".join(c.lower() for c in row["origin"].split(";")),
                "qualityProductType": row["product_type"],
                "productCategory": row["product_category"],
                "status": row["status"].capitalize(),
                "registrationDate": _dmy(row["registration_date"]),
                "thirdCountry": row["origin"][:2] in ("CN", "TH", "CH", "CO", "IN", "VN"),
            }
        )
    return out


def good_answer() -> dict[str, Any]:
    rows = [r for r in snapshot_rows() if r["fileName"] not in DROPPED]
    for r in rows:
        if r["fileName"] == STATUS_CHANGE:
            r.update(status="Registered", registrationDate="16/03/2021")
    for n, (number, name, kind, country, ptype, category, date) in enumerate(NEW_ROWS):
        rows.append(
            {
                "id": 90_000 + n,
                "fileName": number,
                "protectedName": name,
                "geographicalIndicatorTypeCode": kind,
                "countryId": country,
                "qualityProductType": ptype,
                "productCategory": category,
                "status": "Registered",
                "registrationDate": date,
            }
        )
    # not GIs of the list: a TSG and an amendment file are skipped
    rows.append({**rows[0], "id": 99_001, "fileName": "TSG-IT-0001", "geographicalIndicatorTypeCode": "TSG"})
    rows.append({**rows[1], "id": 99_002, "fileName": f"{rows[1]['fileName']}-AM01"})
    return {"count": len(rows), "results": rows}


def encoded(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


# ---------------------------------------------------------------------------------------------
# The local register
# ---------------------------------------------------------------------------------------------


@dataclass
class LocalRegister:
    """What the server answers the next POST with, and the requests it saw."""

    url: str
    body: bytes = b"{}"
    delay: float = 0.0
    requests: list[tuple[str, bytes]] = field(default_factory=list)


@contextmanager
def local_register() -> Iterator[LocalRegister]:
    """An HTTP server on 127.0.0.1 (a free port) answering every POST with `body` after `delay` s."""
    state = LocalRegister("")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            length = int(self.headers.get("Content-Length") or 0)
            state.requests.append((self.path, self.rfile.read(length)))
            if state.delay:
                time.sleep(state.delay)
            try:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(state.body)))
                self.end_headers()
                self.wfile.write(state.body)
            except OSError:
                pass  # the client gave up (the slow answer)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/eambrosia-public-api/api/gi-applications/filter"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def register() -> Iterator[LocalRegister]:
    with local_register() as state:
        yield state


def refresh(db: Path, register: LocalRegister, *args: str, timeout: str = "20") -> Run:
    env = {"GISCOPE_EAMBROSIA_URL": register.url, "GISCOPE_EAMBROSIA_TIMEOUT": timeout}
    return giscope("import-register", "eu", *args, db=db, env=env)


def counts(db: Path) -> tuple[int, int, int]:
    """(batches, history events, EU register protections not withdrawn)."""
    with sqlite3.connect(db) as conn:
        batches = conn.execute("SELECT count(*) FROM batches").fetchone()[0]
        events = conn.execute("SELECT count(*) FROM history").fetchone()[0]
        held = conn.execute(
            "SELECT count(*) FROM protections WHERE jurisdiction = 'EU' AND route = 'national-register' "
            "AND reference IS NOT NULL AND status <> 'withdrawn'"
        ).fetchone()[0]
    return batches, events, held


@pytest.fixture(scope="module")
def refreshed(shared: Shared, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Any, Any]]:
    """A copy of the initialised register refreshed once from the good answer (and its JSON output),
    then asked again with the same answer."""
    db = copy_database(shared.path, tmp_path_factory.mktemp("refreshed") / "register.sqlite3")
    with local_register() as state:
        state.body = encoded(good_answer())
        before = counts(db)
        first = as_json(refresh(db, state, "--json"))
        after_first = counts(db)
        second = as_json(refresh(db, state, "--json"))
        assert counts(db) == after_first
    yield db, (before, after_first, first), second


# ---------------------------------------------------------------------------------------------
# Good answer
# ---------------------------------------------------------------------------------------------


def test_a_good_answer_adds_new_names_changes_a_status_and_withdraws_names_it_left_out(
    refreshed: tuple[Path, Any, Any],
) -> None:
    db, (before, after, result), _ = refreshed
    assert result["summary"]["added"] == len(NEW_ROWS)
    assert result["summary"]["removed"] == len(DROPPED)
    assert result["skipped"] == {
        "traditional speciality (TSG), not a GI": 1,
        "amendment of a registered name (file number -AMnn)": 1,
    }
    rows = good_answer()["results"]
    cancellations = sum(r["fileName"].endswith("-CANCEL") for r in rows)  # notes on a GI, not GIs
    assert result["answer_rows"] == len(rows) == result["summary"]["rows"] + 2 + cancellations
    assert result["as_of_basis"] == "retrieved today"
    added = {a["name"]: a for a in result["added"]}
    assert set(added) >= {"横县茉莉花茶", "安吉白茶", "Fromage de Testeval"}
    # the Annex III names join their GIs (one GI, several routes); the new EU name is a new GI
    assert added["安吉白茶"]["gi_id"] == "cn-anji-bai-cha"
    removed = {r["gi_id"] for r in result["removed"]}
    assert len(removed) == len(DROPPED)
    status = [c for c in result["changed"] if c["what"].endswith(": status") and c["before"] == "pending"]
    assert [(c["name"], c["after"]) for c in status] == [("Ennstaler Steirerkas", "protected")]
    # the batch, its history and the stored rows
    assert after[0] == before[0] + 1
    assert after[1] > before[1]
    assert after[2] == before[2] + len(NEW_ROWS) - len(DROPPED)
    with sqlite3.connect(db) as conn:
        batch = conn.execute(
            "SELECT file, list_key, source, added, removed FROM batches ORDER BY id DESC"
        ).fetchone()
        assert batch[:2] == ("eAmbrosia answer", "register/EU")
        assert "eambrosia-public-api" in batch[2] and "retrieved" in batch[2]
        assert batch[3:] == (len(NEW_ROWS), len(DROPPED))
        withdrawn = conn.execute(
            "SELECT count(*) FROM history WHERE batch_id = ? AND after = 'withdrawn' "
            "AND source LIKE 'absent from%'",
            [result["batch"]],
        ).fetchone()[0]
        assert withdrawn == len(DROPPED)


def test_the_refreshed_rows_cite_the_live_register_with_medium_confidence(
    refreshed: tuple[Path, Any, Any],
) -> None:
    db, _, _ = refreshed
    gi = as_json(giscope("show", "cn-anji-bai-cha", "--json", db=db))
    eu = [p for p in gi["protections"] if p["jurisdiction"] == "EU" and p["route"] == "national-register"]
    assert len(eu) == 1
    assert eu[0]["status"] == "protected" and eu[0]["since"] == "2021-03-01"
    assert eu[0]["confidence"] == "medium"
    assert "eambrosia-public-api" in eu[0]["source"] and "PGI-CN-02700" in eu[0]["source"]
    assert "EU register as of 20" in (eu[0]["note"] or "")
    history = [h for h in gi["history"] if h["what"].startswith("EU/national-register")]
    assert history and history[-1]["after"] == "protected"
    # a UK name the live register still lists is no longer "unconfirmed since 2021"
    with sqlite3.connect(db) as conn:
        uk = conn.execute(
            "SELECT confidence, note FROM protections WHERE jurisdiction = 'EU' AND reference = 'PDO-GB-0014'"
        ).fetchone()
    assert uk[0] == "medium" and "unconfirmed" not in uk[1]


def test_home_protections_are_not_withdrawn_by_a_refresh(refreshed: tuple[Path, Any, Any]) -> None:
    db, _, _ = refreshed
    with sqlite3.connect(db) as conn:
        home = conn.execute(
            "SELECT count(*), sum(status = 'withdrawn') FROM protections "
            "WHERE jurisdiction = 'EU' AND source = ?",
            [HOME_SOURCE],
        ).fetchone()
        dropped = conn.execute(
            "SELECT reference, status FROM protections "
            f"WHERE jurisdiction = 'EU' AND reference IN {DROPPED!r}"
        ).fetchall()
    assert home[0] > 0 and home[1] == 0  # the EU's own GIs inferred from the annexes stay protected at home
    assert sorted(dropped) == [(number, "withdrawn") for number in sorted(DROPPED)]


def test_a_second_identical_answer_changes_nothing(refreshed: tuple[Path, Any, Any]) -> None:
    _, _, second = refreshed
    assert second["summary"]["added"] == second["summary"]["changed"] == second["summary"]["removed"] == 0
    assert second["batch"] is None


# ---------------------------------------------------------------------------------------------
# Refused answers: nothing changes
# ---------------------------------------------------------------------------------------------


def test_a_truncated_answer_is_refused_and_accepted_with_force(
    shared: Shared, register: LocalRegister
) -> None:
    answer = good_answer()
    answer["results"] = answer["results"][: int(len(answer["results"]) * 0.9)]
    answer["count"] = len(answer["results"])
    register.body = encoded(answer)
    before = counts(shared.path)
    run = refresh(shared.path, register)
    assert run.code == 1 and "Traceback" not in run.err
    assert "looks truncated" in run.err and "nothing changed" in run.err and "--force" in run.err
    assert counts(shared.path) == before
    forced = as_json(refresh(shared.path, register, "--force", "--dry-run", "--json"))
    assert forced["dry_run"] and forced["batch"] is None
    assert forced["summary"]["removed"] > 0.09 * before[2]
    assert counts(shared.path) == before


def test_one_page_of_a_larger_answer_is_refused(shared: Shared, register: LocalRegister) -> None:
    answer = good_answer()
    register.body = encoded({"count": answer["count"], "results": answer["results"][:500]})
    run = refresh(shared.path, register, "--force")
    assert run.code == 1 and "Traceback" not in run.err
    assert f"holds 500 of the {answer['count']} rows" in run.err


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (b'{"count": 3, "results": [', "eAmbrosia answer: not JSON"),
        (encoded({"items": [{"fileName": "PDO-FR-A1359"}]}), "not an eAmbrosia answer"),
        (encoded("Service unavailable"), "not an eAmbrosia answer"),
        (encoded({"count": 0, "results": []}), "holds no rows"),
    ],
)
def test_a_malformed_answer_is_one_clear_error_and_changes_nothing(
    shared: Shared, register: LocalRegister, body: bytes, fragment: str
) -> None:
    register.body = body
    before = counts(shared.path)
    run = refresh(shared.path, register)
    assert run.code == 1 and "Traceback" not in run.err
    assert fragment in run.err
    assert len(run.err_lines) == 1
    assert counts(shared.path) == before


def test_rows_missing_a_field_are_named_by_row_and_field_and_nothing_is_written(
    shared: Shared, register: LocalRegister
) -> None:
    answer = good_answer()
    rows = answer["results"]
    del rows[16]["countryId"]
    rows[99]["registrationDate"] = "2021-13"
    rows[199]["status"] = "Pending approval"
    register.body = encoded(answer)
    before = counts(shared.path)
    run = refresh(shared.path, register)
    assert run.code == 1 and "Traceback" not in run.err
    assert "eAmbrosia answer:17: countryId: missing" in run.err
    assert "eAmbrosia answer:100: registrationDate: not a date" in run.err
    assert "eAmbrosia answer:200: status: unknown status 'Pending approval'" in run.err
    assert "3 problems; nothing was written" in run.err
    assert counts(shared.path) == before


def test_a_slow_register_times_out_with_one_clear_message(shared: Shared, register: LocalRegister) -> None:
    register.body = encoded(good_answer())
    register.delay = 5
    before = counts(shared.path)
    started = time.monotonic()
    run = refresh(shared.path, register, timeout="0.5")
    assert time.monotonic() - started < 4.5
    assert run.code == 1 and "Traceback" not in run.err
    assert run.err_lines == [
        f"giscope: could not reach the EU register at {register.url}: timed out after 0.5 s; nothing changed"
    ]
    assert counts(shared.path) == before


def test_an_unreachable_register_is_one_clear_message(shared: Shared) -> None:
    run = giscope(
        "import-register", "eu", db=shared.path, env={"GISCOPE_EAMBROSIA_URL": "http://127.0.0.1:9/filter"}
    )
    assert run.code == 1 and "Traceback" not in run.err
    assert run.err_lines[0].startswith(
        "giscope: could not reach the EU register at http://127.0.0.1:9/filter: "
    )
    assert run.err_lines[0].endswith("; nothing changed")


# ---------------------------------------------------------------------------------------------
# A saved answer, the request, the settings
# ---------------------------------------------------------------------------------------------


def test_a_saved_answer_as_a_list_of_rows_dry_runs_as_of_the_files_date(
    shared: Shared, tmp_path: Path
) -> None:
    saved = tmp_path / "eambrosia_2026-12.json"
    saved.write_bytes(encoded(good_answer()["results"]))
    stamp = time.mktime((2026, 12, 3, 12, 0, 0, 0, 0, -1))
    import os

    os.utime(saved, (stamp, stamp))
    before = counts(shared.path)
    run = ok(giscope("import-register", "eu", "--from-file", saved, "--dry-run", db=shared.path))
    assert "as of 2026-12-03 (the file's modification date)" in run.out
    assert f"{len(NEW_ROWS)} would be added" in run.out and f"{len(DROPPED)} removed" in run.out
    assert "+ cn-anji-bai-cha  安吉白茶  [EU/national-register: protected]" in run.out
    assert "dry run: nothing was written" in run.out
    assert counts(shared.path) == before


def test_the_request_is_the_registers_filter_post(shared: Shared, register: LocalRegister) -> None:
    register.body = encoded({"count": 0, "results": []})
    refresh(shared.path, register)
    assert len(register.requests) == 1
    path, body = register.requests[0]
    assert path.endswith("/api/gi-applications/filter")
    assert json.loads(body) == {"first": 0, "rows": 5000}


def test_settings_list_the_register_address_and_timeout(shared: Shared) -> None:
    out = ok(giscope("settings", db=shared.path)).out
    assert "GISCOPE_EAMBROSIA_URL=" in out and "gi-applications/filter" in out
    assert "GISCOPE_EAMBROSIA_TIMEOUT=" in out
    bad = giscope("import-register", "eu", db=shared.path, env={"GISCOPE_EAMBROSIA_TIMEOUT": "soon"})
    assert bad.err_lines == ["giscope: GISCOPE_EAMBROSIA_TIMEOUT='soon' is not a number of seconds (0–3600)"]
