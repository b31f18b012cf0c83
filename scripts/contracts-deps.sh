#!/usr/bin/env bash
# Installs the market's Hardhat project (Hardhat, solc, OpenZeppelin) from its lock file, only when it is missing
# or the lock file changed. The contract tests and `frontdoor chain dev` need it; building the app does not.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../market/contracts"
command -v npm >/dev/null 2>&1 || {
  echo "Node.js 18 or newer with npm is needed for the market's contracts and local chain (Debian: apt-get install nodejs npm)" >&2
  exit 1
}
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "installing the market's Hardhat project (npm ci)..." >&2
  npm ci --no-audit --no-fund >&2
fi
