"""The `tracker` command line (click): `cli`, the command group, and `main`, its entry point."""

from tracker.cli.app import cli, main

__all__ = ["cli", "main"]
