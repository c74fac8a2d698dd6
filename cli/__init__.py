"""The giscope command. Thin: parse arguments, call a service, print a table or JSON.

One module per command group (register, imports, refresh, screening, law, briefs, watch, subscriptions);
each adds its commands to `main`. cli/lang.py holds the one --lang option and the register's words in
either language.
"""

from cli import (  # noqa: F401  (the modules register their commands)
    backup,
    briefs,
    history,
    imports,
    law,
    refresh,
    register,
    screening,
    subscriptions,
    translate,
    users,
    watch,
)
from cli.app import main

__all__ = ["main"]
