"""The REST API under /api: a thin FastAPI layer over the core service (docs/dashboard.md)."""

from .app import create_app

__all__ = ["create_app"]
