"""Words of the European languages, to tell a coined name from a word (pure; the table is read once, when
a label first needs it): 'Toscoro' on an olive oil is coined, 'Fontana' on a wine is an Italian word.
The table (data/knowledge/common_words.txt.gz, some 290,000 words of seven languages, from wordfreq's
word lists: scripts/build_common_words.py) holds words folded as names.normalise folds a label word,
of five letters or more; a shorter word is never asked about.
"""

from __future__ import annotations

import gzip
from functools import lru_cache

from config import KNOWLEDGE_DIR
from loading import collector_paused

FILE = "common_words.txt.gz"


@lru_cache(maxsize=4)
def load_common_words(directory: str = str(KNOWLEDGE_DIR)) -> frozenset[str]:
    """The common words in `directory` (none where the file is missing: then no word is known to be
    common, and a rule asking treats every word as possibly coined)."""
    try:
        with collector_paused(), gzip.open(f"{directory}/{FILE}", "rb") as fh:
            lines = fh.read().decode("utf-8").split("\n")
    except FileNotFoundError:
        return frozenset()
    with collector_paused():
        return frozenset(line for line in lines if line and not line.startswith("#"))


def is_common_word(folded: str, directory: str = str(KNOWLEDGE_DIR)) -> bool:
    """Is `folded` (lower case, accents dropped: names.normalise.fold_latin + compact) a common word of
    English, French, Italian, Spanish, German, Portuguese or Dutch?"""
    return folded in load_common_words(directory)
