#!/usr/bin/env bash
# The inbox at a busy brand's scale (issue 15): seeds a year of messages once (1,000,000 by default, MESSAGES=N) in
# INBOX_SCALE_DIR, measures the list and search queries on it with BenchmarkDotNet (p95 per filter and per search), then
# runs the real portal on it with 30 live inbox tabs in Chromium: live-update latency, memory per tab, page size, RSS,
# and ingest with and without the tabs. Each figure is printed with its target. Exit code 0 when the live run's hold.
# TRACE=FILE also saves a Chromium trace of the live DMs (DevTools' Performance panel or Perfetto open it).
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${INBOX_SCALE_DIR:-/tmp/twitteraddon-inbox-scale}"
dotnet build -c Release TwitterAddon.Web -v q -nologo
dotnet build -c Release TwitterAddon.LoadTest -v q -nologo
loadtest=TwitterAddon.LoadTest/bin/Release/net10.0/TwitterAddon.LoadTest.dll
dotnet "$loadtest" seedscale --folder "$dir" --messages "${MESSAGES:-1000000}"

# Server time of a list page and of a search, on the seeded database (a copy: the live run below adds to it).
cp "$dir/twitteraddon.db" "$dir/benchmark.db"
INBOX_SCALE_DB="$dir/benchmark.db" dotnet run -c Release --project TwitterAddon.Benchmarks -- \
  --filter '*InboxQueryBenchmark*' '*InboxSearchBenchmark*' --exporters markdown
rm -f "$dir/benchmark.db"*
echo "Targets: ListPage p95 < 100 ms for every filter; SearchPage p95 < 50 ms (the P95 column above)."

dotnet "$loadtest" scale --folder "$dir" --tabs "${TABS:-30}" --live "${LIVE:-20}" ${TRACE:+--trace "$TRACE"}
