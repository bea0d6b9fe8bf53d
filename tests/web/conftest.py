"""Pages in-process (TestClient) and in Chromium against one real server on 127.0.0.1."""

from __future__ import annotations

import pytest
from api.hostile import build_service  # tests/api/hostile.py: the example plus a hostile record
from fastapi.testclient import TestClient

from ceasewatch import Ceasewatch


@pytest.fixture(scope="session")
def web_service(tmp_path_factory) -> Ceasewatch:
    """The example with the hostile record, in a SQLite file of its own."""
    cw = build_service(tmp_path_factory.mktemp("web") / "example")
    yield cw
    cw.close()


@pytest.fixture(scope="session")
def pages(web_service) -> TestClient:
    """The whole app in-process, for reading the HTML it sends."""
    from ceasewatch.web import create_app

    with TestClient(create_app(web_service)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def consolidated_pages(tmp_path_factory) -> TestClient:
    """The app over one strike told six ways (tests/api/consolidated.py), for its incident page."""
    from api.consolidated import build_consolidated

    from ceasewatch.web import create_app

    cw = build_consolidated(tmp_path_factory.mktemp("web-consolidated"))
    with TestClient(create_app(cw)) as test_client:
        yield test_client
    cw.close()
