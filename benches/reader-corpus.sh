#!/bin/sh
# The reader on a corpus (default: shared/corpus/bulk.jsonl): time to the first frame, to the
# whole library and to every article's speakers, and peak memory (VmHWM), as measured and printed
# by benches/reader_corpus.rs. Usage: benches/reader-corpus.sh [PATH...]
set -e
cd "$(dirname "$0")/.."
exec cargo bench --bench reader_corpus -- "$@"
