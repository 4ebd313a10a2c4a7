#!/usr/bin/env bash
# The inbound load benchmark: the real portal (Release) as a child process, signed unique DM events at
# concurrency 32 for 30 s, then the same load on a bare 200 endpoint. Prints events/s, ack p50/p99,
# CRC p99 during the load, errors, and how many acked events reached the inbox.
# API=v2 sends X Activity API envelopes to a Pay-per-use account instead of v1.1 Account Activity payloads.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release TwitterAddon.Web -v q -nologo
dotnet build -c Release TwitterAddon.LoadTest -v q -nologo
dotnet TwitterAddon.LoadTest/bin/Release/net10.0/TwitterAddon.LoadTest.dll load --seconds "${SECONDS_OF_LOAD:-30}" --concurrency "${CONCURRENCY:-32}" --api "${API:-v1.1}"
