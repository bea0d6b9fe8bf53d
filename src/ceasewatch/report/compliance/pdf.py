"""PDF through WeasyPrint, from the same HTML the HTML report is (print styles in report.css)."""

from __future__ import annotations

from pathlib import Path

from ...errors import ConfigError

_MISSING = (
    "PDF output needs WeasyPrint and the Pango library: `pip install weasyprint` "
    "(on Debian or Ubuntu also `apt-get install libpango-1.0-0 libpangoft2-1.0-0`); "
    "or write --format html and print it from a browser"
)


def html_to_pdf(html: str, path: Path) -> int:
    """Lay out `html` (self-contained: styles and images inline) as a PDF at `path`; the page count."""
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as e:  # OSError: the Python package is there, Pango is not
        raise ConfigError(f"{_MISSING} ({e})") from None
    # base_url: nothing is fetched; every resource is a data: URI, so no file or network is read.
    document = HTML(string=html, base_url=str(path.parent)).render()
    document.write_pdf(path)
    return len(document.pages)
