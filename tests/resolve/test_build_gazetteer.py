"""scripts/build_gazetteer.py rebuilds the shipped file byte for byte from the shared sources."""

import subprocess
import sys
from pathlib import Path

import pytest

from ceasewatch.resolve.gazetteer_file import shipped_path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT.parent / "shared" / "structured"


@pytest.mark.skipif(not (SOURCES / "geonames").is_dir(), reason="needs ../shared/structured (GeoNames, geoBoundaries)")
def test_build_is_deterministic_and_matches_the_shipped_file(tmp_path):
    out = tmp_path / "gazetteer.tsv.gz"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), str(SOURCES), "--out", str(out)],
                   check=True, capture_output=True, text=True)
    assert out.read_bytes() == shipped_path().read_bytes()


def test_build_refuses_a_folder_without_the_sources(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_gazetteer.py"), str(tmp_path)],
                            capture_output=True, text=True)
    assert result.returncode != 0 and "not found" in result.stderr
