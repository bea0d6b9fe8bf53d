"""ceasewatch: judge reported incidents against every party's version of a ceasefire's terms."""

from .errors import (
    AgreementError, CeasewatchError, ConfigError, FeedError, InputError, NotFound, Problem, RuleError, StoreError,
)

__version__ = "0.1.0"

__all__ = [
    "Ceasewatch", "Settings", "CeasewatchError", "ConfigError", "InputError", "AgreementError",
    "FeedError", "RuleError", "StoreError", "NotFound", "Problem", "__version__",
]


def __getattr__(name: str):
    # Imported on first use, so that `import ceasewatch.model` stays light.
    if name == "Ceasewatch":
        from .core import Ceasewatch

        return Ceasewatch
    if name == "Settings":
        from .config import Settings

        return Settings
    raise AttributeError(f"module 'ceasewatch' has no attribute {name!r}")
