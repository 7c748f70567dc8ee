#!/usr/bin/env bash
# Scores `rawi extract` on every annotated set of ../shared/eval (dev, check, train), with the
# misses counted by kind. Usage: tests/eval/score-all.sh [RAWI_BINARY] [OUT.jsonl]
# The binary defaults to target/release/rawi (build it first: cargo build --release).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
# ../shared beside the checkout (or beside the folder of a git worktree), unless SHARED says.
shared="${SHARED:-$root/../shared}"
[ -d "$shared" ] || shared="$root/../../shared"
bin="${1:-$root/target/release/rawi}"
out="${2:-$(mktemp --suffix=.jsonl)}"
"$bin" extract "$shared"/corpus/articles/*.txt > "$out"
python3 "$here/categories.py" "$shared/eval" "$out" dev check train
echo "predictions: $out"
