"""The bundled example in a store, for the compliance report's tests."""

from __future__ import annotations

import pytest
from compliance_samples import AS_OF

from ceasewatch import Ceasewatch
from ceasewatch.report.compliance import ComplianceData
from ceasewatch.store import Store


@pytest.fixture
def example_db(example_dir) -> str:
    """The bundled example ingested and judged into its folder's database; its URL."""
    url = f"sqlite:///{example_dir / 'ceasewatch.db'}"
    with Ceasewatch(Store.open(url)) as cw:
        assert not cw.run(example_dir).problems
    return url


@pytest.fixture
def example_data(example_db) -> ComplianceData:
    """The example's ComplianceData as the report reads it, as of 1 April 2025."""
    with Ceasewatch(Store.open(example_db)) as cw:
        return cw.compliance_data(as_of=AS_OF)
