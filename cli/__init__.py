"""The giscope command. Thin: parse arguments, call a service, print a table or JSON.

One module per command group (register, refresh, screening, law, watch); each adds its commands to `main`.
"""

from cli import law, refresh, register, screening, translate, watch  # noqa: F401  (the modules register their commands)
from cli.app import main

__all__ = ["main"]
