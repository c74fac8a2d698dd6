"""The CLI modules share one initialised register per module (the `shared` fixture of test_cli)."""

from tests.cli.test_cli import shared  # noqa: F401
