"""Alembic migrations of ceasewatch's database (see docs/storage.md, "Migrations")."""
