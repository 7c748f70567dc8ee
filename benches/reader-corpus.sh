#!/bin/sh
# The reader on a corpus (default: shared/corpus/bulk.jsonl): time to the first frame, to the
# whole library and to every article's speakers, and peak memory, measured by the example and
# by /usr/bin/time -v. Usage: benches/reader-corpus.sh [PATH...]
set -e
cd "$(dirname "$0")/.."
cargo build --release --example reader_corpus
/usr/bin/time -v target/release/examples/reader_corpus "$@" 2>time.log.tmp
grep -E "Maximum resident|Elapsed" time.log.tmp
rm -f time.log.tmp
