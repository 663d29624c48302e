#!/usr/bin/env bash
# `npm run test:all`: every check CI runs — lint (ESLint), format (Prettier), types, then every
# Vitest project: unit tests, the real build read by the site tests (page-weight budgets included),
# browser tests in Debian's Chromium (installed with apt-get when missing), the fixture sites, and
# the base-path build. `npm test` is the everyday subset: unit + site.
#
# Lint, format and types run beside Vitest, not before it: they are single-threaded and Vitest
# leaves a core idle while it waits on a browser or a build, so together they finish sooner.
# `astro check` reads what a build syncs into .astro/ (see below). Their output is printed after
# Vitest's.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/ensure-chromium.sh
bash tools/ensure-fonts.sh

logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
names=(lint format typecheck)
npm run --silent lint >"$logs/lint.log" 2>&1 &
pids=($!)
npm run --silent format:check >"$logs/format.log" 2>&1 &
pids+=($!)
# `astro check` reads the types a build generates in .astro/. It waits for the two shared builds
# (their status files, written by tests/e2e/shared-build.ts when a build ends; or Vitest's end), then
# copies those types under the lock and checks the copy without it (tools/typecheck-snapshot.ts), so
# neither the shared builds nor the fixture builds queue behind its 20–40 s.
builds=node_modules/.test-builds
rm -f "$builds/dist.status" "$builds/dist-mspt3.status"
(
  until { [ -f "$builds/dist.status" ] && [ -f "$builds/dist-mspt3.status" ]; } || [ -f "$logs/vitest-ended" ]; do sleep 1; done
  npx tsx tools/with-build-lock.ts npx tsx tools/typecheck-snapshot.ts
  npm run --silent typecheck -- --noSync --tsconfig .astro-typecheck/tsconfig.json
) >"$logs/typecheck.log" 2>&1 &
pids+=($!)

vitest_status=0
npx vitest run || vitest_status=$?
touch "$logs/vitest-ended"

failed=0
for i in "${!names[@]}"; do
  if wait "${pids[$i]}"; then
    echo "✓ ${names[$i]}"
  else
    echo "✗ ${names[$i]} failed:"
    cat "$logs/${names[$i]}.log"
    failed=1
  fi
done
[ "$vitest_status" -eq 0 ] && [ "$failed" -eq 0 ]
