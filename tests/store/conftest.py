"""Stores for the tests: every test that takes `store` runs on SQLite and on PostgreSQL.

PostgreSQL comes from CEASEWATCH_TEST_POSTGRES_URL (start one with
`eval "$(bash .ci/postgres.sh)"`); each test gets a fresh schema of its own. Without the
variable the PostgreSQL cases are skipped, except under CI=true, where they fail.
"""

from __future__ import annotations

import os
import uuid
from typing import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from ceasewatch.store import Store
from ceasewatch.store.connection import parse_url

POSTGRES_ENV = "CEASEWATCH_TEST_POSTGRES_URL"


def postgres_base_url() -> str:
    """The test server's URL; skip (or, under CI, fail) when there is none."""
    url = os.environ.get(POSTGRES_ENV)
    if url:
        return url
    hint = f'{POSTGRES_ENV} is not set; start a server with: eval "$(bash .ci/postgres.sh)"'
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {hint}: CI must test both SQLite and PostgreSQL", pytrace=False)
    pytest.skip(hint)


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[Engine]:
    """An engine on the test database, for creating and dropping schemas."""
    engine = create_engine(parse_url(postgres_base_url()), isolation_level="AUTOCOMMIT")
    yield engine
    engine.dispose()


@pytest.fixture
def postgres_url(postgres_admin: Engine) -> Iterator[str]:
    """A URL whose search_path is a new, empty schema, dropped after the test."""
    schema = f"test_{uuid.uuid4().hex[:16]}"
    with postgres_admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = parse_url(postgres_base_url()).update_query_dict({"options": f"-csearch_path={schema}"})
    yield url.render_as_string(hide_password=False)
    with postgres_admin.connect() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path) -> str:
    """A URL for a new database that can be opened more than once: a SQLite file or a PostgreSQL schema."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ceasewatch.db'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest) -> Iterator[Store]:
    """An empty store: SQLite in memory, or a fresh PostgreSQL schema."""
    url = "sqlite://" if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    with Store.open(url) as opened:
        yield opened
