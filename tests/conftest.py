from pathlib import Path

import pytest
from worked_example import copy_example


@pytest.fixture
def example_dir(tmp_path) -> Path:
    """A private copy of the worked example as structured feeds, with readable incident ids."""
    return copy_example(tmp_path / "energy-moratorium-2025", as_feeds=True)


@pytest.fixture
def example_text_dir(tmp_path) -> Path:
    """A private copy of the bundled example as shipped: the strikes told in report texts."""
    return copy_example(tmp_path / "energy-moratorium-2025", as_feeds=False)


@pytest.fixture
def cw():
    """The core service on an in-memory store."""
    from ceasewatch import Ceasewatch
    from ceasewatch.store import Store

    service = Ceasewatch(store=Store.open("sqlite://"))
    yield service
    service.close()
