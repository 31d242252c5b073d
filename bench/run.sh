#!/usr/bin/env bash
# Runs every benchmark of the repository (`pnpm bench` = `turbo run bench --concurrency=1`,
# which builds first) and keeps the output beside the machine it ran on:
#   bench/run.sh [LOG]        (default LOG: bench/last-run.log, not committed)
# The figures in bench/README.md come from such a run.
set -euo pipefail
cd "$(dirname "$0")/.."
LOG="${1:-bench/last-run.log}"
PNPM_VERSION="$(node -p 'require("./package.json").packageManager.split("@")[1]')"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "memory: $(free -m | awk '/^Mem:/ {print $2 " MiB"}')"
  echo "node: $(node --version)"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$LOG"
npx -y "pnpm@${PNPM_VERSION}" bench 2>&1 | tee -a "$LOG"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$LOG"
