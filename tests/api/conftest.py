"""The app over the bundled example, plus a record with evidence in a hostile report."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from ceasewatch import Ceasewatch

from .hostile import build_service


@pytest.fixture(scope="session")
def example_service(tmp_path_factory) -> Ceasewatch:
    """The example with the hostile record, in a SQLite file of its own."""
    cw = build_service(tmp_path_factory.mktemp("api") / "example")
    yield cw
    cw.close()


@pytest.fixture(scope="session")
def client(example_service) -> TestClient:
    """The whole app (pages and API) in-process."""
    from ceasewatch.web import create_app

    with TestClient(create_app(example_service)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def consolidated_service(tmp_path_factory) -> Ceasewatch:
    """The Pavlohrad strike told six ways, with a hostile outlet and speaker and an analyst's correction."""
    from .consolidated import build_consolidated

    cw = build_consolidated(tmp_path_factory.mktemp("consolidated"))
    yield cw
    cw.close()


@pytest.fixture(scope="session")
def consolidated_client(consolidated_service) -> TestClient:
    """The whole app over the consolidated Pavlohrad store."""
    from ceasewatch.web import create_app

    with TestClient(create_app(consolidated_service)) as test_client:
        yield test_client
