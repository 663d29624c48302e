#!/usr/bin/env bash
# `npm run test:all`: every check CI runs — lint (ESLint), format (Prettier), types, then every
# Vitest project: unit tests, the real build read by the site tests (page-weight budgets included),
# browser tests in Debian's Chromium (installed with apt-get when missing), the fixture sites, and
# the base-path build. `npm test` is the everyday subset: unit + site.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/ensure-chromium.sh
bash tools/ensure-fonts.sh
npm run --silent lint
npm run --silent format:check
npm run --silent typecheck
npx vitest run
