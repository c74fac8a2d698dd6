"""The pure core must not pull in the UI, the database, PDF or translation libraries."""

import json
import subprocess
import sys

from tests.conftest import PROJECT_ROOT

PURE_MODULES = ["gi_lists.model", "agreements.model", "names.normalise", "compare", "gi_lists.export"]
FORBIDDEN = ["streamlit", "sqlalchemy", "reportlab", "deep_translator", "pandas"]


def test_pure_core_imports_no_ui_database_pdf_or_translation_library():
    code = (
        "import importlib, json, pkgutil, sys\n"
        "import compare\n"
        f"mods = {PURE_MODULES!r}\n"
        "mods += ['compare.' + m.name for m in pkgutil.iter_modules(compare.__path__)\n"
        "         if m.name != 'services']\n"
        "for m in mods: importlib.import_module(m)\n"
        f"print(json.dumps(sorted(k for k in sys.modules if k.split('.')[0] in {FORBIDDEN!r})))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout) == []
