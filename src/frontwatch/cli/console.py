"""What every command shares: the stderr console, logging, progress bars, exit codes."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.logging import RichHandler
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

__all__ = [
    "EXIT_INPUT",
    "EXIT_OK",
    "EXIT_USAGE",
    "configure_logging",
    "progress_bar",
    "stderr",
    "write_output",
]

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2

stderr = Console(stderr=True, highlight=False, soft_wrap=True)


def configure_logging(*, verbose: bool, quiet: bool) -> None:
    """Logs go to stderr: warnings by default, info with -v, errors only with -q."""
    level = logging.ERROR if quiet else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(
        level=level,
        format="%(message)s",
        handlers=[RichHandler(console=stderr, show_time=False, show_path=False)],
        force=True,
    )


@contextmanager
def progress_bar(enabled: bool) -> Iterator[Progress]:
    """A progress display on stderr; disabled displays accept updates and draw nothing."""
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=stderr,
        transient=True,
        disable=not enabled,
    )
    with progress:
        yield progress


def write_output(text: str, output: Path | None) -> None:
    """Write ``text`` to ``output`` atomically (temp file + rename), or to stdout."""
    if output is None:
        import sys

        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
        sys.stdout.flush()
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = output.with_name(f".{output.name}.tmp")
    temporary.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    temporary.replace(output)
