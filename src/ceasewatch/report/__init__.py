"""What ceasewatch prints and exports for people to read."""

from .agreement_summary import agreement_summary

__all__ = ["agreement_summary"]
