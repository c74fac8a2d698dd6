import pytest

from names.normalise import compact, fold_latin, forms, pinyin, script_of, slug, to_simplified


def same_name(a: str, b: str) -> bool:
    return bool({compact(f) for f in forms(a)} & {compact(f) for f in forms(b)})


@pytest.mark.parametrize(
    "query", ["Anxi Tie Guan Yin", "anxi tieguanyin", "安溪鐵觀音", "安溪铁观音", "Ānxī Tiěguānyīn"]
)
def test_every_written_form_of_anxi_tieguanyin_is_the_same_name(query):
    assert same_name(query, "安溪铁观音")
    assert same_name(query, "Anxi Tie Guan Yin")


def test_accents_and_case_fold():
    assert fold_latin("Polska Wódka") == "polska wodka"
    assert fold_latin("ČESKOBUDĚJOVICKÉ pivo") == "ceskobudejovicke pivo"
    assert fold_latin("Pu'er Cha") == "puer cha"


def test_german_umlaut_spelled_out_matches():
    assert same_name("Muenchener Bier", "Münchener Bier")
    assert same_name("Munchener Bier", "Münchener Bier")


def test_traditional_characters_become_simplified():
    assert to_simplified("香檳") == "香槟"
    assert forms("香檳")[0] == "香槟"


def test_place_name_reading_is_fixed():
    assert pinyin("郫县豆瓣") == "pi xian dou ban"
    assert pinyin("六安瓜片") == "lu an gua pian"


def test_u_umlaut_in_pinyin_folds_to_u():
    assert same_name("松溪绿茶", "Songxi Lü Cha")


def test_thai_name_keeps_its_script_form():
    thai = "ข้าวหอมมะลิทุ่งกุลาร้องไห้"
    assert forms(thai)[0] == thai
    assert script_of(thai) == "Thai"


@pytest.mark.parametrize(
    "text,script",
    [("香槟", "Hani"), ("Champagne", "Latn"), ("Φέτα", "Grek"), ("ทุเรียนปราจีน", "Thai"), ("123", "Zyyy")],
)
def test_script_detection(text, script):
    assert script_of(text) == script


def test_different_names_do_not_share_forms():
    assert not same_name("Champagne", "Cognac")
    assert not same_name("香槟", "波尔多")


def test_slug_is_ascii_and_stable():
    assert slug("Prosciutto di Parma") == "prosciutto-di-parma"
    assert slug("安溪铁观音") == "an-xi-tie-guan-yin"
    assert slug("!!!") == "gi"


def test_thai_is_romanised_offline():
    from names.normalise import thai_romanisation

    assert thai_romanisation("ทุเรียนปราจีน") == "thurianprachin"
    assert thai_romanisation("Champagne") is None


def test_wade_giles_reads_the_old_spellings():
    from names.wade_giles import wade_giles

    assert wade_giles("铁观音") == "tieh kuan yin"
    assert wade_giles("龙井") == "lung ching"
    assert wade_giles("绍兴") == "shao hsing"


def test_our_phrase_fixes_read_exactly_as_pypinyins_own_loader_would():
    """The fixes are added without retraining pypinyin's segmenter: every Chinese name and term we hold,
    and every label of the evaluation set, must read as with pypinyin.load_phrases_dict."""
    import csv
    import json
    import subprocess
    import sys

    from names.normalise import has_han, pinyin_syllables
    from tests.conftest import PROJECT_ROOT, TEST_DATA

    texts: set[str] = set()
    for path in [*(PROJECT_ROOT / "data").rglob("*.csv"), TEST_DATA / "conflict_eval.csv"]:
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                texts.update(cell for cell in row if has_han(cell) and len(cell) < 60)
    texts.update(["郫县豆瓣", "重庆火锅", "长白山人参", "乐山", "六安瓜片", "朝阳", "银行行长"])
    corpus = sorted(texts)
    assert len(corpus) > 500
    reference = subprocess.run(
        [
            sys.executable,
            "-c",
            "import csv, json, sys\n"
            "from pypinyin import lazy_pinyin, load_phrases_dict\n"
            "from names.normalise import to_simplified\n"
            "rows = csv.DictReader(open(sys.argv[1], encoding='utf-8'))\n"
            "load_phrases_dict({r['phrase']: [[s] for s in r['pinyin'].split()] for r in rows})\n"
            "texts = json.load(sys.stdin)\n"
            "print(json.dumps([lazy_pinyin(to_simplified(t), v_to_u=True) for t in texts]))\n",
            str(PROJECT_ROOT / "data" / "knowledge" / "pinyin_phrases.csv"),
        ],
        input=json.dumps(corpus),
        capture_output=True,
        text=True,
        check=True,
        cwd=PROJECT_ROOT,
    )
    expected = json.loads(reference.stdout)
    assert [list(pinyin_syllables(t)) for t in corpus] == expected


WORKER_CHECK = """
import json, os
from pypinyin import lazy_pinyin
import gi_lists.keys as keys
from names.normalise import _REMEMBERED, _pinyin_ready

os.cpu_count = lambda: 2  # one worker, as on the 2-core machines this runs on
keys.PARALLEL_FROM = 2
texts = ["测试甲乙茶", "郫县测试豆瓣", "测试戊己米"]
_pinyin_ready()  # our place-name fixes (郫县 pí xiàn), as the register reads them
pending = keys.start_readings(texts)
assert pending._pool is not None, "the work did not go to a worker process"
pending.wait()
for text in texts:
    from_worker = keys._KEY_FORMS.pop(text)
    assert from_worker and from_worker == keys.key_forms(text), text  # computed here, once popped
    expected = json.dumps(lazy_pinyin(text, v_to_u=True), ensure_ascii=False)
    assert _REMEMBERED["pinyin"][text] == expected, text
print("ok")
"""


def test_readings_and_search_forms_made_in_a_worker_process_are_those_made_here():
    """gi_lists.keys.start_readings: a large batch's new names get their pinyin and search forms in a
    forked worker; what comes back is what one process computes. Run in a fresh interpreter: forking is
    refused in a process with other threads (as a test runner's worker has)."""
    import subprocess
    import sys

    from tests.conftest import PROJECT_ROOT

    run = subprocess.run(
        [sys.executable, "-c", WORKER_CHECK], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0 and run.stdout.strip() == "ok", run.stderr
