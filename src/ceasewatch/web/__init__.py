"""The dashboard: server-rendered pages (map, timeline, lists, incidents) over the API."""

from .app import create_app

__all__ = ["create_app"]
