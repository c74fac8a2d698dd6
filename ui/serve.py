"""The server process of `giscope serve`: Streamlit's own command line, with the warm-up (the pages'
modules, the name index, the screening's tables, the PDF fonts) started as soon as Streamlit's runtime
is up, in the background, so that even the first page a browser opens does not wait for them.

    python -m ui.serve run streamlit_app.py --server.port 8501 ...   (the arguments of `streamlit`)
"""

from __future__ import annotations

import sys
import threading
import time

from streamlit.web import cli

STARTUP_WAIT = 30.0  # seconds to wait for Streamlit's runtime before warming up anyway


def warm_up_when_running() -> None:
    """Once Streamlit's runtime exists (its caches are then the ones the pages use), start the warm-up."""
    from streamlit import runtime

    deadline = time.monotonic() + STARTUP_WAIT
    while not runtime.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    from ui.resources import start_warm_up

    start_warm_up()


def main() -> None:
    threading.Thread(target=warm_up_when_running, name="giscope-warm-up-start", daemon=True).start()
    sys.exit(cli.main())


if __name__ == "__main__":
    main()
