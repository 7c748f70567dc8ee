#!/bin/sh
# Seeds the fuzz corpora (fuzz/corpus/TARGET/, git-ignored) with real articles, hostile strings
# and the saved regression inputs. Each seed gets the parameter bytes its target reads first
# (see entry_points.rs): text_layout 4 bytes (width lo/hi, flags, tab), reader 4 bytes (width,
# height, flags, script length 0), loaders 1 byte (mode: 0, or 32 to also load it from a file),
# attribution none.
set -eu
cd "$(dirname "$0")"
root=..
for t in text_layout attribution loaders reader; do mkdir -p "corpus/$t"; done

# Real articles: the bundled ones, and a few from shared/ ($RAWI_SHARED, else the first
# shared/ folder found beside the repository or one of its parents) if it is there.
articles="$root/assets/articles/*.txt"
shared="${RAWI_SHARED:-}"
dir=$(cd "$root" && pwd)
while [ -z "$shared" ] && [ "$dir" != / ]; do
  [ -d "$dir/shared/corpus/articles" ] && shared="$dir/shared"
  dir=$(dirname "$dir")
done
if [ -n "$shared" ]; then
  articles="$articles $(ls "$shared"/corpus/articles/*.txt | head -n 40)"
fi

n=0
seed() { # $1: file with the text, $2: name
  n=$((n + 1))
  head -c 6000 "$1" > "/tmp/rawi-seed-$$"
  { printf '\120\000\003\004'; cat "/tmp/rawi-seed-$$"; } > "corpus/text_layout/$2"
  { printf '\027\000\101\004'; cat "/tmp/rawi-seed-$$"; } > "corpus/text_layout/$2-narrow-ltr"
  cp "/tmp/rawi-seed-$$" "corpus/attribution/$2"
  { printf '\000'; cat "/tmp/rawi-seed-$$"; } > "corpus/loaders/$2"
  { printf '\040'; cat "/tmp/rawi-seed-$$"; } > "corpus/loaders/$2-also-from-a-file"
  { printf '\117\027\001\000'; cat "/tmp/rawi-seed-$$"; } > "corpus/reader/$2"
  rm -f "/tmp/rawi-seed-$$"
}
for a in $articles; do seed "$a" "article-$(basename "$a" .txt)"; done

# Hostile strings: escape sequences, controls, bidi controls, deep nesting, odd encodings.
h=$(mktemp -d)
printf 'قال \033[2J\033]0;title\007 \033]52;c;cGF5bG9hZA==\007 \033P$qm\033\\ نص\n' > "$h/escapes"
printf '\302\233 2J \302\235 0;x \302\234 \000 \177 \010 \r\n\t\t عربي\n' > "$h/controls"
printf '\342\200\256cba\342\200\254 \342\201\246abc\342\201\251 \342\200\217\330\234\342\200\216 «(نص)»\n' > "$h/bidi"
python3 -c "print('\u2067\u2066' * 63 + '1')" > "$h/deep-isolates" 2>/dev/null || true
python3 -c "print('\u202b' * 130 + 'a1\u202c' * 130)" > "$h/deep-embeddings" 2>/dev/null || true
printf '{"id":"1","text":"قال الوزير \\u001b[2J إن"}\n{"text":5}\nnot json\n{"title":"x\\ny","text":"ب"}\n' > "$h/corpus.jsonl"
printf '\377\376\050\006\104\006' > "$h/utf16le-bom"
printf '\307\341\323\307\341\341\307\343 \307\341\321\326\351' > "$h/windows-1256"
for f in "$h"/*; do seed "$f" "hostile-$(basename "$f")"; done
# The corpus seed as a forced JSON Lines input for the loaders.
{ printf '\020'; cat "$h/corpus.jsonl"; } > corpus/loaders/hostile-forced-jsonl
rm -rf "$h"

# A few lines of a real corpus, for the loaders.
if [ -n "$shared" ] && [ -f "$shared/corpus/bulk.jsonl" ]; then
  { printf '\000'; head -n 3 "$shared/corpus/bulk.jsonl" | head -c 20000; } > corpus/loaders/bulk-head
  { printf '\040'; head -n 3 "$shared/corpus/bulk.jsonl" | head -c 20000; } > corpus/loaders/bulk-head-file
fi

# Every saved regression input.
for t in text_layout attribution loaders reader; do
  if [ -d "$root/tests/data/regressions/$t" ]; then
    cp "$root/tests/data/regressions/$t/"* "corpus/$t/" 2>/dev/null || true
  fi
done
echo "seeded $n texts into fuzz/corpus/"
