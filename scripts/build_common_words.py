"""Build data/knowledge/common_words.txt.gz: the words of seven European languages (English, French,
Italian, Spanish, German, Portuguese, Dutch) common enough to be words of the language rather than coined
names, folded as the matcher folds a label word (names.normalise: lower case, accents dropped, one run of
letters), five letters or more.

Source: wordfreq 3.1 (Robyn Speer; code Apache-2.0, word lists CC BY-SA 4.0, built from Wikipedia,
subtitles, news, books, web text and social media), its "large" lists; a word is kept where its Zipf
frequency in one of the languages is at least ZIPF (2.5: about three uses in ten million words).
'fontana', 'castello', 'rosetta', 'caramel' are words; 'bolgare', 'toscoro', 'nosecco', 'rasttel' are
not (each a mark held to evoke a GI). The names of well-known GIs are words too ('prosecco', 'rioja'): a
label word that is a name is the name's own hit, not a coined one.

wordfreq is needed only to rebuild the file (it is not a dependency of the project):

    .venv/bin/pip install 'wordfreq==3.1.1' && .venv/bin/python scripts/build_common_words.py
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from names.normalise import compact, fold_latin  # noqa: E402

LANGUAGES = ("en", "fr", "it", "es", "de", "pt", "nl")
ZIPF = 2.5
MIN_LETTERS = 5
OUT = ROOT / "data" / "knowledge" / "common_words.txt.gz"
HEADER = (
    "# Common words of en, fr, it, es, de, pt, nl (Zipf frequency >= 2.5), folded, 5+ letters.\n"
    "# Source: wordfreq 3.1.1 (Robyn Speer), large word lists, CC BY-SA 4.0; built by\n"
    "# scripts/build_common_words.py. This file is under CC BY-SA 4.0.\n"
)


def main() -> None:
    from wordfreq import iter_wordlist, zipf_frequency

    words: set[str] = set()
    for lang in LANGUAGES:
        for word in iter_wordlist(lang, wordlist="large"):
            if zipf_frequency(word, lang, wordlist="large") < ZIPF:
                break  # the list is sorted by frequency
            folded = compact(fold_latin(word))
            if len(folded) >= MIN_LETTERS and folded.isalpha() and folded.isascii():
                words.add(folded)
    # a fixed modification time: the same words give the same bytes
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as fh:
        fh.write((HEADER + "\n".join(sorted(words)) + "\n").encode("utf-8"))
    print(f"{len(words)} words -> {OUT.relative_to(ROOT)} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
