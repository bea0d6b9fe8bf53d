"""Region shapes for figures and exports: Ukraine's oblasts and Russia's federal subjects.

    basemap()            the regions as a Basemap (None when the data file is absent)
    region_geometry(iso) one region's GeoJSON geometry by ISO 3166-2 code, or None

The data is the dashboard's basemap (see README.md here for its source and licence).
"""

from .regions import Basemap, Region, basemap, region_geometry

__all__ = ["Basemap", "Region", "basemap", "region_geometry"]
