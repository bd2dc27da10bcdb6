#!/usr/bin/env bash
# Sourced by run.sh and test.sh: stop early, with what to install, when the .NET 10 SDK is missing.
if ! command -v dotnet >/dev/null 2>&1 || ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
  echo "The .NET 10 SDK is required: see https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
  exit 3
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
