#!/usr/bin/env bash
# What open inbox tabs cost: the inbox page's size with 50 conversations and a 1 MB channel icon, and the server
# memory 10 more live inbox tabs add (Chromium via Playwright at /usr/bin/chromium). Exit code 0 when both targets hold.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release TwitterAddon.Web -v q -nologo
dotnet build -c Release TwitterAddon.LoadTest -v q -nologo
dotnet TwitterAddon.LoadTest/bin/Release/net10.0/TwitterAddon.LoadTest.dll tabs
