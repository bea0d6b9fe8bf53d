"""Stores for the export tests: the bundled example, and hand-made strikes under its agreement."""

from __future__ import annotations

import pytest

from ceasewatch import Ceasewatch
from ceasewatch.store import Store


@pytest.fixture
def example_cw(example_dir):
    """The bundled example ingested and judged, in a database file."""
    with Ceasewatch(Store.open(f"sqlite:///{example_dir / 'ceasewatch.db'}")) as cw:
        assert not cw.run(example_dir).problems
        yield cw
