#!/usr/bin/env bash
# benches/peers.sh [MB] [WIDTH]: whole-process speed of `rawi render` next to GNU FriBidi (its CLI
# and the fribidi_lines reference renderer) and the Python peers, in one run of
# ../shared/bench/peers.sh, on MB megabytes of Arabic (the seed article repeated; default 10) at
# WIDTH cells (default 80). RUNS=N sets the runs per peer (best one counts; default 5).
# Needs ../shared/bench/setup.sh run once (as root). The shared folder is found by walking up from
# the repository, or given as RAWI_SHARED.
set -eu
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${RAWI_SHARED:-}"
if [ -z "$SHARED" ]; then
  d="$ROOT"
  while [ "$d" != / ]; do
    if [ -d "$d/shared/bench" ]; then SHARED="$d/shared"; break; fi
    d="$(dirname "$d")"
  done
fi
[ -n "$SHARED" ] && [ -d "$SHARED/bench" ] || { echo "no shared/bench folder found; set RAWI_SHARED" >&2; exit 2; }
[ -x "$SHARED/bench/fribidi_lines" ] || { echo "run $SHARED/bench/setup.sh once first (as root)" >&2; exit 2; }
MB="${1:-10}"; WIDTH="${2:-80}"
INPUT="${TMPDIR:-/tmp}/rawi-peers-${MB}MB.txt"
[ -s "$INPUT" ] || "$SHARED/bench/make-input.sh" "$MB" "$INPUT" >/dev/null
cargo build --release --quiet --manifest-path "$ROOT/Cargo.toml"
cd "$ROOT"
exec "$SHARED/bench/peers.sh" "$INPUT" --width "$WIDTH" --runs "${RUNS:-5}" \
  --ours "target/release/rawi render --width $WIDTH {}"
