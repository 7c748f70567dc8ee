#!/usr/bin/env python3
"""Builds assets/lexicon/names.txt, the corpus-derived name hints of the speaker phrase parser.

usage: python3 assets/lexicon/build_names.py [BULK.jsonl] > assets/lexicon/names.txt
(BULK defaults to ../shared/corpus/bulk.jsonl: one {"text": ...} article per line.)

Words are folded as the engine folds them (src/arabic.rs: hamza forms to ا, ى/ئ to ي, ة to ه,
harakat and tatweel dropped). Text is cut at punctuation; counts are over adjacent words.

- First names: words that follow an honorific (الشيخ، الدكتور، السيد ...) in at least 10% of
  their occurrences and at least 3 times.
- Name words: first names, plus (twice, to grow the set) words that follow a name word or a
  name particle (بن، أبو، عبد، آل ...) in >= 30% of their >= 3 such occurrences.
- [name_part]: words that follow a name word or particle in >= 30% of their occurrences (at
  least twice): surnames, also definite ones («الفرقداني») or ones that are common nouns elsewhere.
- Words without the article that are no name (never after an honorific, rarely after a name
  word; not و/ف + a more frequent word): [verb] if they follow قد/لم/لن/سوف in >= 10% of their
  occurrences and at least 15 times (شهدت); [adverb] if written with tanween fatha in >= 5% of their occurrences (adverbs and
  accusatives: مرارا، ميدانيا، متحدثا); else [common_noun] if the word with the article (or its
  stem before ها/هم/هما with the article), written with a plain alef, is at least half as
  frequent and seen at least 10 times (رقم، سلوك، بنودها), or if its forms with a possessive
  pronoun (ـها، ـهم، ـهما، ـنا; not ـه, which folds like ة) are at least a tenth as frequent,
  for a word of 3 letters or more seen at least 20 times (verbal nouns: تقييم، تشكيل، سقوط).
- Their inflected forms seen in the corpus: a [verb] with the future prefix س (ستعلن), a
  [common_noun] with a possessive pronoun (مقرها؛ مهمته, ة written ت), unless seen at least 5
  times right after قال/أكد/... (a person: والده، مراسلنا).
"""
import collections
import json
import re
import sys

HONORIFICS = ("الشيخ الشيخة الدكتور الدكتورة المهندس المهندسة السيد السيدة اللواء العميد "
              "العقيد الفريق المشير الأمير الأميرة الحاج الأستاذ الأستاذة القس المطران الكاردينال")
PARTICLES = "بن ابن بنت آل أبو أبي أبا عبد ولد"
VERB_PARTICLES = "قد لقد وقد فقد لم ولم فلم لن ولن فلن سوف وسوف"
CUE_VERBS = ("قال قالت أكد أكدت أضاف أضافت أوضح أوضحت أعلن أعلنت ذكر ذكرت نفى نفت شدد شددت أشار "
             "أشارت كشف كشفت اعتبر اعتبرت رأى رأت دعا دعت طالب طالبت حذر حذرت أفاد أفادت يقول "
             "تقول صرح صرحت لفت لفتت")
FOLD = str.maketrans({"آ": "ا", "أ": "ا", "إ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا", "ى": "ي",
                      "ی": "ي", "ة": "ه", "ۀ": "ه", "ہ": "ه", "ە": "ه", "ک": "ك", "ؤ": "و",
                      "ئ": "ي"})
MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
WORD = re.compile("[\u0621-\u064a\u0660-\u0669\u0671-\u06d3\u064b-\u065f\u0640a-zA-Z0-9]+")
SEGMENT = re.compile(r"[،,.:;؛!?؟«»\"()\[\]“”\-–\n]")


def fold(word):
    return MARKS.sub("", word).translate(FOLD).lower()


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus/bulk.jsonl"
    honorifics = {fold(w) for w in HONORIFICS.split()}
    particles = {fold(w) for w in PARTICLES.split()}
    verb_particles = {fold(w) for w in VERB_PARTICLES.split()}
    cue_verbs = {fold(w) for w in CUE_VERBS.split()}
    cue_verbs |= {"و" + w for w in cue_verbs}
    segments = []
    total = collections.Counter()
    tanween = collections.Counter()
    # Words written with the article (a plain alef: «ألماتي» is no «ال» + «ماتي»).
    definite = collections.Counter()
    after_honorific = collections.Counter()
    after_verb_particle = collections.Counter()
    after_cue = collections.Counter()
    with open(path, encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            for segment in SEGMENT.split(text):
                raw = WORD.findall(segment)
                words = [fold(w) for w in raw]
                segments.append(words)
                for i, (r, w) in enumerate(zip(raw, words)):
                    total[w] += 1
                    if "\u064b" in r:
                        tanween[w] += 1
                    if r.startswith("ال"):
                        definite[w] += 1
                    if i > 0 and words[i - 1] in honorifics and not w.startswith("ال"):
                        after_honorific[w] += 1
                    if i > 0 and words[i - 1] in verb_particles:
                        after_verb_particle[w] += 1
                    if i > 0 and words[i - 1] in cue_verbs:
                        after_cue[w] += 1
    first = {w for w, c in after_honorific.items()
             if c >= 3 and c / total[w] >= 0.1 and w not in particles}
    names = set(first)
    for _ in range(2):
        after_name = collections.Counter()
        for words in segments:
            for i in range(1, len(words)):
                if words[i - 1] in names or words[i - 1] in particles:
                    after_name[words[i]] += 1
        names = first | {w for w, c in after_name.items()
                         if c >= 3 and c / total[w] >= 0.3 and w not in particles}

    def with_article(w):
        n = definite["ال" + w]
        for suffix in ("هما", "ها", "هم"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                n = max(n, definite["ال" + w[: -len(suffix)]])
        return n

    def namey(w):
        return after_honorific[w] >= 1 or after_name[w] >= 2 and after_name[w] / total[w] >= 0.1

    name_part = sorted(w for w, c in after_name.items() if c >= 2 and c / total[w] >= 0.3)
    def conjunction_plus_word(w):
        # «وبان» is و + «بان»: the engine strips و/ف itself.
        return w[0] in "وف" and total[w[1:]] > total[w]

    plain = [w for w in total if not w.startswith("ال") and not w.isascii() and not namey(w)
             and not conjunction_plus_word(w)]
    verb = sorted(w for w in plain
                  if after_verb_particle[w] >= 15 and after_verb_particle[w] / total[w] >= 0.1)
    adverb = sorted(w for w in plain if tanween[w] >= 2 and tanween[w] / total[w] >= 0.05
                    and w not in verb)
    def possessed(w):
        return sum(total[w + suffix] for suffix in ("ها", "هم", "هما", "نا"))

    common_noun = sorted(
        w for w in plain
        if w not in adverb and w not in verb
        and (with_article(w) >= 10 and with_article(w) / total[w] >= 0.5
             or total[w] >= 20 and len(w) >= 3 and possessed(w) / total[w] >= 0.1))
    # Inflected forms of the words above: a verb with the future prefix س (ستعلن), a common noun
    # with a possessive pronoun (مقرها، مهمته: ة is written ت before it).
    verbs, nouns = set(verb), set(common_noun)
    more_verbs, more_nouns = [], []
    for w in plain:
        if w not in verbs and w.startswith("س") and w[1:] in verbs:
            more_verbs.append(w)
        for suffix in ("هما", "ها", "هم", "ه", "نا"):
            stem = w[: -len(suffix)]
            # (Not a person with a pronoun, seen as the subject of قال/أكد: والده، مراسلنا.)
            if (w.endswith(suffix) and len(stem) >= 3 and w not in nouns and w not in verbs
                    and after_cue[w] < 5):
                if stem in nouns or stem.endswith("ت") and stem[:-1] + "ه" in nouns:
                    more_nouns.append(w)
                break
    verb = sorted(verbs | set(more_verbs))
    common_noun = sorted(nouns | set(more_nouns))
    print("# Generated by build_names.py from the bulk corpus; do not edit by hand.")
    for section, words in [("name_part", name_part), ("verb", verb), ("adverb", adverb),
                           ("common_noun", common_noun)]:
        print(f"[{section}]")
        print("\n".join(words))


if __name__ == "__main__":
    main()
