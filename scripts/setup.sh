#!/usr/bin/env bash
# Installs whatever is missing for building and testing: Debian packages, then npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

debian_packages=(cmake g++ make emscripten xtensor-dev xtl-dev nlohmann-json3-dev googletest libgtest-dev chromium
  fonts-wqy-microhei  # a CJK font, so Chinese screenshots are legible
  clang libclang-rt-14-dev)  # clang + its runtime: the libFuzzer targets (scripts/fuzz.sh)
missing=()
for pkg in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  install_cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing[*]}"
  echo "setup: installing Debian packages: ${missing[*]}"
  if [[ $(id -u) -eq 0 ]]; then
    bash -c "$install_cmd"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo bash -c "$install_cmd"
  else
    echo "setup: not root and no password-less sudo. Run this, then retry:" >&2
    echo "  sudo bash -c '$install_cmd'" >&2
    exit 1
  fi
fi

# npm ci only when node_modules is missing or older than the lock file.
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund
fi
