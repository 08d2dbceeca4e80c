"""Helpers that run the import command the way a person would, and write source files."""

import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass
class Run:
    """What one run of an import command printed, and its error if it ended with one."""

    output: str
    error: str


def runner(command: str):
    """Run a management command as a person would; the Run holds its output and its error."""

    def run(*args: str) -> Run:
        out = io.StringIO()
        try:
            call_command(command, *map(str, args), stdout=out, stderr=io.StringIO())
        except CommandError as error:
            return Run(out.getvalue(), str(error))
        return Run(out.getvalue(), "")

    return run


@pytest.fixture
def run_import():
    return runner("import_episodes")


@pytest.fixture
def run_feed():
    return runner("import_feed")


@pytest.fixture
def write(tmp_path):
    """Write a file under a temporary folder and return its path."""

    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def feed_file(tmp_path):
    """Write a feed (text or bytes) to feed.xml under a temporary folder and return its path."""

    def write(text: str | bytes) -> Path:
        path = tmp_path / "feed.xml"
        path.write_bytes(text.encode() if isinstance(text, str) else text)
        return path

    return write
