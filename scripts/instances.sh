#!/usr/bin/env bash
# Several instances on PostgreSQL (README "Several instances"): the load on one and on two instances beside SQLite's,
# the kill tests with two instances (events; replies, killing the outbox's lease holder), and a DM acked by one instance timed to the screen on the other.
# Needs a PostgreSQL server whose user may create databases (POSTGRES, default the one .ci/run starts) and Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release TwitterAddon.Web -v q -nologo
dotnet build -c Release TwitterAddon.LoadTest -v q -nologo
run() { dotnet TwitterAddon.LoadTest/bin/Release/net10.0/TwitterAddon.LoadTest.dll "$@" ${POSTGRES:+--postgres "$POSTGRES"}; }
echo "== load, SQLite";               run load --seconds "${SECONDS_EACH:-20}"
echo "== load, PostgreSQL, 1 instance";  run load --seconds "${SECONDS_EACH:-20}" --database postgresql
echo "== load, PostgreSQL, 2 instances"; run load --seconds "${SECONDS_EACH:-20}" --database postgresql --instances 2
echo "== kill, PostgreSQL, 2 instances"; run kill --events 20000 --kills 6 --database postgresql --instances 2
echo "== reply kill, PostgreSQL, 2 instances (the outbox's lease holder killed)"; run replykill --kills 2 --database postgresql --instances 2
echo "== DM acked on B, on screen on A"; run live2 --live 20
