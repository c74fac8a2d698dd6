"""Words of the European languages, to tell a coined name from a word (pure; the table is read once, when
a label first needs it): 'Toscoro' on an olive oil is coined, 'Fontana' on a wine is an Italian word.
The table (data/knowledge/common_words.txt.gz, some 290,000 words of seven languages, from wordfreq's
word lists: scripts/build_common_words.py) holds words folded as names.normalise folds a label word,
of five letters or more; a shorter word is never asked about.
"""

from __future__ import annotations

import gzip
import logging
from bisect import bisect_left
from functools import lru_cache

from config import KNOWLEDGE_DIR
from loading import collector_paused

FILE = "common_words.txt.gz"
log = logging.getLogger("giscope.common_words")


CHINESE_FILE = "chinese_words.txt.gz"  # Chinese words of 2-3 characters (scripts/build_chinese_words.py)


def _read(directory: str) -> frozenset[str]:
    with collector_paused(), gzip.open(f"{directory}/{FILE}", "rb") as fh:
        lines = fh.read().decode("utf-8").split("\n")
        return frozenset(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=4)
def load_common_words(directory: str = str(KNOWLEDGE_DIR)) -> frozenset[str]:
    """The common words in `directory`; where that folder has no readable table (a custom knowledge
    folder without one, a damaged file), the bundled one, with a warning: without a table every word
    would pass for coined and the evocation guesses would flag words of the languages."""
    try:
        return _read(directory)
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        if directory == str(KNOWLEDGE_DIR):
            raise
        log.warning("giscope: no common-words table in %s (%s); using the bundled one", directory, exc)
        return _read(str(KNOWLEDGE_DIR))


def is_common_word(folded: str, directory: str = str(KNOWLEDGE_DIR)) -> bool:
    """Is `folded` (lower case, accents dropped: names.normalise.fold_latin + compact) a common word of
    English, French, Italian, Spanish, German, Portuguese or Dutch?"""
    return folded in load_common_words(directory)


@lru_cache(maxsize=1)
def _chinese_words() -> list[str]:
    """The words, sorted as the file keeps them (a list searched by bisection: building a set of 200,000
    words costs a batch check more than its few look-ups)."""
    with gzip.open(f"{KNOWLEDGE_DIR}/{CHINESE_FILE}", "rb") as fh:
        lines = fh.read().decode("utf-8").split("\n")
    start = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    return [line for line in lines[start:] if line]


def is_chinese_word(text: str) -> bool:
    """Is `text` (simplified characters) a common Chinese word of two or three characters (老虎, 五谷, 青瓷,
    龙泉驿)? Read when a label first asks."""
    words = _chinese_words()
    at = bisect_left(words, text)
    return at < len(words) and words[at] == text
