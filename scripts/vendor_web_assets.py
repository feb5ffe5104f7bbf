"""Vendor the web page's JavaScript libraries and base map into the package, from the npm registry.

The page at `/` must work offline (no CDN, no tile server), so Leaflet, its marker-cluster plugin,
the world-atlas country outlines, the TopoJSON decoder and Swagger UI (for the API docs at /docs) ship inside `marsad/server/static/vendor/`.
This script fetches pinned versions with `npm pack` (the ordinary npm client), extracts only the
files the page uses plus each package's licence, and writes a manifest of versions and sizes.

    python scripts/vendor_web_assets.py            # fetch and extract
    python scripts/vendor_web_assets.py --check    # verify the vendored files match the manifest
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VENDOR = REPO / "src" / "marsad" / "server" / "static" / "vendor"

# package -> (version, {path inside the tarball (under package/): path under vendor/<package>/})
PACKAGES: dict[str, tuple[str, dict[str, str]]] = {
    "leaflet": ("1.9.4", {
        "dist/leaflet.js": "leaflet.js",
        "dist/leaflet.css": "leaflet.css",
        "dist/images/layers.png": "images/layers.png",
        "dist/images/layers-2x.png": "images/layers-2x.png",
        "dist/images/marker-icon.png": "images/marker-icon.png",
        "dist/images/marker-icon-2x.png": "images/marker-icon-2x.png",
        "dist/images/marker-shadow.png": "images/marker-shadow.png",
        "LICENSE": "LICENSE",
    }),
    "leaflet.markercluster": ("1.5.3", {
        "dist/leaflet.markercluster.js": "leaflet.markercluster.js",
        "dist/MarkerCluster.css": "MarkerCluster.css",
        "dist/MarkerCluster.Default.css": "MarkerCluster.Default.css",
        "MIT-LICENCE.txt": "LICENSE",
    }),
    "world-atlas": ("2.0.2", {
        "countries-50m.json": "countries-50m.json",
        "LICENSE": "LICENSE",
    }),
    "swagger-ui-dist": ("5.17.14", {
        "swagger-ui-bundle.js": "swagger-ui-bundle.js",
        "swagger-ui.css": "swagger-ui.css",
        "LICENSE": "LICENSE",
    }),
    "topojson-client": ("3.1.0", {
        "dist/topojson-client.min.js": "topojson-client.min.js",
        "LICENSE": "LICENSE",
    }),
}

MANIFEST = VENDOR / "MANIFEST.json"


def npm_pack(package: str, version: str, workdir: Path) -> Path:
    """Download one package tarball from the npm registry with the npm client; return its path."""
    spec = f"{package}@{version}"
    try:
        result = subprocess.run(
            ["npm", "pack", spec, "--silent", "--pack-destination", str(workdir)],
            check=True, capture_output=True, text=True, cwd=workdir,
        )
    except FileNotFoundError:
        sys.exit("vendor_web_assets: npm is not installed (apt-get install npm)")
    except subprocess.CalledProcessError as error:
        sys.exit(f"vendor_web_assets: npm pack {spec} failed: {error.stderr.strip().splitlines()[-1:]}")
    name = result.stdout.strip().splitlines()[-1]
    return workdir / name


def extract(package: str, tarball: Path, files: dict[str, str]) -> list[dict]:
    target = VENDOR / package
    if target.exists():
        shutil.rmtree(target)
    records = []
    with tarfile.open(tarball) as archive:
        for inner, outer in files.items():
            member = archive.extractfile(f"package/{inner}")
            if member is None:
                sys.exit(f"vendor_web_assets: {package} has no file {inner}")
            data = member.read()
            destination = target / outer
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(data)
            records.append({
                "file": f"{package}/{outer}", "from": inner, "bytes": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
            })
    return records


def fetch() -> None:
    VENDOR.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for package, (version, files) in PACKAGES.items():
            tarball = npm_pack(package, version, Path(tmp))
            manifest[package] = {"version": version, "files": extract(package, tarball, files)}
            size = sum(f["bytes"] for f in manifest[package]["files"])
            print(f"{package}@{version}: {len(files)} files, {size / 1024:.0f} KiB")
    MANIFEST.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def check() -> int:
    if not MANIFEST.exists():
        print(f"vendor_web_assets: {MANIFEST} is missing; run without --check", file=sys.stderr)
        return 1
    problems = 0
    for package, entry in json.loads(MANIFEST.read_text(encoding="utf-8")).items():
        for record in entry["files"]:
            path = VENDOR / record["file"]
            if not path.exists() or hashlib.sha256(path.read_bytes()).hexdigest() != record["sha256"]:
                print(f"vendor_web_assets: {path} differs from {package}@{entry['version']}", file=sys.stderr)
                problems += 1
    print("vendored files match the manifest" if not problems else f"{problems} files differ")
    return 1 if problems else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify vendored files against the manifest")
    args = parser.parse_args()
    if args.check:
        sys.exit(check())
    fetch()


if __name__ == "__main__":
    main()
