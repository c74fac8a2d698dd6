"""The server process of `giscope serve`: Streamlit's own command line, with the warm-up (the name index,
the screening's tables, the pages' modules, the PDF fonts) started at once in the background, so that
even the first page a browser opens does not wait for them.

    python -m ui.serve run streamlit_app.py --server.port 8501 ...   (the arguments of `streamlit`)
"""

from __future__ import annotations

import sys

from streamlit.web import cli

from ui.resources import start_warm_up


def main() -> None:
    start_warm_up()
    sys.exit(cli.main())


if __name__ == "__main__":
    main()
