"""The server process of `giscope serve`: Streamlit's own command line, warmed up before it opens its port.

Streamlit's server is created (with its runtime, whose caches the pages use), then the warm-up runs (the
pages' modules, the overview's maps, the name index, the screening's tables, the PDF fonts), and only then
does the server listen: the first page a browser opens finds everything made, instead of competing with
the warm-up for the one interpreter. A warm-up longer than WARM_UP_WAIT goes on in the background while
the server already listens. Where Streamlit's server cannot be wrapped (another Streamlit version), the
warm-up runs in the background as soon as the runtime exists.

    python -m ui.serve run streamlit_app.py --server.port 8501 ...   (the arguments of `streamlit`)
"""

from __future__ import annotations

import asyncio
import sys
import threading
import time
from typing import Any

from streamlit.web import cli

STARTUP_WAIT = 30.0  # seconds to wait for Streamlit's runtime before warming up anyway
WARM_UP_WAIT = 120.0  # seconds the port stays closed for the warm-up at most


def warm_up_when_running() -> None:
    """Once Streamlit's runtime exists (its caches are then the ones the pages use), start the warm-up."""
    from streamlit import runtime

    deadline = time.monotonic() + STARTUP_WAIT
    while not runtime.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    from ui.resources import start_warm_up

    start_warm_up()


def warm_up_before_listening() -> bool:
    """Wrap Streamlit's Server.start so that it warms up first; False where it cannot be wrapped."""
    try:
        from streamlit.web.server.server import Server
    except ImportError:
        return False
    original = getattr(Server, "start", None)
    if original is None or not asyncio.iscoroutinefunction(original):
        return False

    async def start(self: Any) -> None:
        from ui.resources import start_warm_up

        print("  GIScope is warming up (name index, maps, fonts) before it opens its port…", flush=True)
        began = time.monotonic()
        thread = start_warm_up()  # the runtime exists: Server() made it
        await asyncio.to_thread(thread.join, WARM_UP_WAIT)
        print(f"  Warmed up in {time.monotonic() - began:.1f} s.", flush=True)
        await original(self)

    Server.start = start  # type: ignore[method-assign]
    return True


def main() -> None:
    if not warm_up_before_listening():
        threading.Thread(target=warm_up_when_running, name="giscope-warm-up-start", daemon=True).start()
    sys.exit(cli.main())


if __name__ == "__main__":
    main()
