#!/usr/bin/env bash
# Fails when code is not formatted by .editorconfig's rules (whitespace, then code style and analyzers at
# warning level). Fix with `dotnet format ParTrack.slnx`. For CI: `bash scripts/format-check.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! dotnet format ParTrack.slnx --verify-no-changes --verbosity minimal "$@"; then
  echo "Formatting differs from .editorconfig; run: dotnet format ParTrack.slnx" >&2
  exit 1
fi
echo "Formatting: ok"
