"""What every benchmark prints: the machine, and figures with their ratio to a bare baseline."""

from __future__ import annotations

import os
import platform
import resource
import sys


def machine() -> str:
    """One line naming the machine the figures came from."""
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            model = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{os.cpu_count()} cores, {model}, Python {platform.python_version()}, {sys.platform}"


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
