import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "energy-moratorium-2025"


@pytest.fixture
def example_dir(tmp_path) -> Path:
    """A private copy of the bundled example, so tests can change it and keep their database."""
    target = tmp_path / "energy-moratorium-2025"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("ceasewatch.db*"))
    return target


@pytest.fixture
def cw():
    """The core service on an in-memory store."""
    from ceasewatch import Ceasewatch
    from ceasewatch.store import Store

    service = Ceasewatch(store=Store.open("sqlite://"))
    yield service
    service.close()
