#!/usr/bin/env bash
# The inbound kill test: events flow while the portal is SIGKILLed and restarted several times; every
# event answered 200 must end up in the inbox exactly once. Exit code 0 when it holds.
# API=v2 sends X Activity API envelopes to a Pay-per-use account instead of v1.1 Account Activity payloads.
# DATABASE=postgresql INSTANCES=2 runs two instances on a fresh PostgreSQL database (POSTGRES: the server's connection
# string, default the one .ci/run starts) and kills them in turn.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release TwitterAddon.Web -v q -nologo
dotnet build -c Release TwitterAddon.LoadTest -v q -nologo
dotnet TwitterAddon.LoadTest/bin/Release/net10.0/TwitterAddon.LoadTest.dll kill --events "${EVENTS:-3000}" --kills "${KILLS:-5}" --api "${API:-v1.1}" \
  --database "${DATABASE:-sqlite}" --instances "${INSTANCES:-1}" ${POSTGRES:+--postgres "$POSTGRES"}
