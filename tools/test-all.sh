#!/usr/bin/env bash
# `npm run test:all`: every check CI runs — types, unit tests, the real build with its Pagefind
# index, and browser tests in Debian's Chromium (installed with apt-get when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/ensure-chromium.sh
bash tools/ensure-fonts.sh
npm run --silent typecheck
npx vitest run
