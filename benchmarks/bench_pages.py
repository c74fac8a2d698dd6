"""First loads in the browser: a fresh server, then the first page, the Screen labels page and the first
screening, timed in Debian's chromium through Playwright.

Two ways of starting the server, run alternately so that both see the same machine load:
- `streamlit run` (baseline: nothing is warmed before the first page asks for it; the app warms the
  rest up after its first page),
- `giscope serve` (warms up as the server starts: the pages' modules, the name index, the screening's
  tables, the PDF fonts).

Each is timed right after the server answers its health check ("at once"), as the browser tests do, and
`--wait` seconds later ("after N s"), as when staff open the page some time after the server started.
Figures are medians of `--runs` runs on a register of the bundled lists.

    .venv/bin/python benchmarks/bench_pages.py [--runs 3] [--wait 5]
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bootstrap import initialise  # noqa: E402
from storage.db import Database  # noqa: E402

BIN = Path(sys.executable).parent
DONE = (
    "() => { const app = document.querySelector('[data-testid=\"stApp\"]');"
    " return app && app.dataset.testScriptState === 'notRunning'; }"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def start(how: str, port: int, url: str, workdir: Path) -> subprocess.Popen[bytes]:
    if how == "giscope serve":
        cmd = [str(BIN / "giscope"), "serve", "--port", str(port)]
    else:
        cmd = [str(BIN / "python"), "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"),
               "--server.port", str(port), "--server.headless", "true"]  # fmt: skip
    server = subprocess.Popen(
        cmd,
        cwd=workdir,
        env={**os.environ, "GISCOPE_DATABASE_URL": url},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    while not healthy(f"http://127.0.0.1:{port}/_stcore/health"):
        if server.poll() is not None:
            raise SystemExit(f"{how} did not start")
        time.sleep(0.05)
    return server


def one_run(browser, how: str, wait: float, url: str, workdir: Path) -> dict[str, float]:  # type: ignore[no-untyped-def]
    port = free_port()
    server = start(how, port, url, workdir)
    try:
        time.sleep(wait)
        page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        page.set_default_timeout(60_000)
        times = {}
        begin = time.perf_counter()
        page.goto(f"http://127.0.0.1:{port}/")
        page.wait_for_function(DONE, polling="raf")
        times["first page"] = time.perf_counter() - begin
        begin = time.perf_counter()
        page.locator("[data-testid='stSidebarNav'] a").filter(has_text="Screen labels").first.click()
        page.get_by_role("heading", name="Screen labels").wait_for()
        page.wait_for_function(DONE, polling="raf")
        times["Screen labels, first visit"] = time.perf_counter() - begin
        page.get_by_label("Labels, one label per line").fill("香宾酒")
        begin = time.perf_counter()
        page.get_by_role("button", name="Screen", exact=True).click()
        page.get_by_text("1 label checked").wait_for()
        times["first screening"] = time.perf_counter() - begin
        page.context.close()
        return times
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--wait", type=float, default=5.0)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        url = f"sqlite:///{workdir / 'giscope.sqlite3'}"
        db = Database(url)
        initialise(db, who="bench")
        db.dispose()
        cases = [(how, wait) for wait in (0.0, args.wait) for how in ("streamlit run", "giscope serve")]
        found: dict[tuple[str, float], list[dict[str, float]]] = {case: [] for case in cases}
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            )
            for _ in range(args.runs):
                for case in cases:
                    found[case].append(one_run(browser, *case, url, workdir))
            browser.close()
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; medians of {args.runs} runs (s)\n")
    steps = list(next(iter(found.values()))[0])
    print("| server | opened | " + " | ".join(steps) + " |")
    print("|---|---|" + "---:|" * len(steps))
    for (how, wait), runs in found.items():
        medians = [statistics.median(r[step] for r in runs) for step in steps]
        opened = "at once" if not wait else f"after {wait:g} s"
        print(f"| {how} | {opened} | " + " | ".join(f"{m:.2f}" for m in medians) + " |")


if __name__ == "__main__":
    main()
