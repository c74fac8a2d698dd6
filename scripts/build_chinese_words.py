"""Build data/knowledge/chinese_words.txt.gz: Chinese words of two or three characters common enough to be
words of the language (among wordfreq's 300,000 most frequent Chinese words), in simplified characters.

The one-character-changed rule (compare.visual_match) reads a label's changed character that makes such
a word with its neighbour as that word, not as a name written another way: 老虎口 is 老虎 (a tiger), not
老龙口 with 虎 for 龙; 五谷液 is 五谷 (the five grains), not 五粮液. It also ends a name's distinctive part
before a word the name's product begins (龙泉青瓷: 青瓷 celadon is the product; 龙泉 the place).

Source: wordfreq 3.1 (Robyn Speer; code Apache-2.0, word lists CC BY-SA 4.0), its "large" Chinese list
(ranked; read without jieba). wordfreq is needed only to rebuild the file (it is not a dependency):

    python3 -m venv /tmp/wf && /tmp/wf/bin/pip install 'wordfreq==3.1.1' && \\
        /tmp/wf/bin/python scripts/build_chinese_words.py
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOP = 300_000
OUT = ROOT / "data" / "knowledge" / "chinese_words.txt.gz"
HEADER = (
    "# Chinese words of 2-3 characters among the 300,000 most frequent of wordfreq's large Chinese list.\n"
    "# Source: wordfreq 3.1.1 (Robyn Speer), CC BY-SA 4.0; built by scripts/build_chinese_words.py.\n"
    "# This file is under CC BY-SA 4.0.\n"
)
_WORD = re.compile(r"[\u4e00-\u9fff]{2,3}")


def main() -> None:
    from wordfreq import top_n_list

    words = {w for w in top_n_list("zh", TOP, wordlist="large") if _WORD.fullmatch(w)}
    # a fixed modification time: the same words give the same bytes
    with open(OUT, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as fh:
        fh.write((HEADER + "\n".join(sorted(words)) + "\n").encode("utf-8"))
    print(f"{len(words)} words -> {OUT.relative_to(ROOT)} ({OUT.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
