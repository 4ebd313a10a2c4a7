#!/usr/bin/env bash
# The reply kill test: a DM reply and a mention reply go out while the portal is SIGKILLed and restarted, trial after
# trial, against a second host playing X (which survives the kills and answers late on purpose). Trials go on until
# kills have landed KILLS times before X had a reply and KILLS times after X had it but before the portal heard back.
# Every reply must be on X exactly once. Exit code 0 when it holds.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release TwitterAddon.Web -v q -nologo
dotnet build -c Release TwitterAddon.LoadTest -v q -nologo
dotnet TwitterAddon.LoadTest/bin/Release/net10.0/TwitterAddon.LoadTest.dll replykill --kills "${KILLS:-3}"
