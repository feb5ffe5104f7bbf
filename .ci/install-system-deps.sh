#!/usr/bin/env bash
# Debian packages the store and browser tests need: headless chromium (Playwright drives it), a font
# with Arabic letters for its screenshots, and PostgreSQL with PostGIS (the store tests make a
# throwaway cluster from its binaries).
# Idempotent and quiet; never fails the build: if apt cannot install them it warns and exits 0, and
# the tests that need them skip with a message saying which package is missing.
set -u

installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

# PostGIS is packaged per PostgreSQL major version: follow the release's default (15 on bookworm).
postgis_package() {
  local major
  major=$(apt-cache depends postgresql 2>/dev/null | grep -oE 'postgresql-[0-9]+' | head -1)
  echo "${major:-postgresql-15}-postgis-3"
}

wanted=(chromium fonts-dejavu-core postgresql "$(postgis_package)")
missing=()
for package in "${wanted[@]}"; do
  installed "$package" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-system-deps: ${wanted[*]} already installed"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-system-deps: warning: apt-get is absent (not Debian?); cannot install ${missing[*]}" >&2
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "install-system-deps: warning: not root and no password-less sudo; cannot install ${missing[*]}" >&2
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
echo "install-system-deps: installing ${missing[*]}"
if ! "${as_root[@]}" apt-get update -qq >/dev/null 2>&1; then
  echo "install-system-deps: warning: apt-get update failed; trying the cached package lists" >&2
fi
# the PostGIS package name may only be known once the package lists are fresh
missing=("${missing[@]/postgresql-15-postgis-3/$(postgis_package)}")
if ! "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
  echo "install-system-deps: warning: apt-get install ${missing[*]} failed; the browser/PostgreSQL tests will skip" >&2
  exit 0
fi
echo "install-system-deps: done"
exit 0
