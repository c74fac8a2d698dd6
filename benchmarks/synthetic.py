"""Realistic synthetic GI rows for benchmarks: Chinese place + product names with pinyin, and
European-style names, each unique. Deterministic for a given seed."""

from __future__ import annotations

import csv
import random
from pathlib import Path

from names.normalise import pinyin

CN_PLACES = list("安溪福鼎武夷信阳恩施普洱临沧宜宾泸州贵阳遵义汉中延安吐鲁番和田喀什阿克苏库尔勒")
CN_PRODUCTS = [
    "白茶",
    "红茶",
    "绿茶",
    "毛尖",
    "大米",
    "苹果",
    "香梨",
    "葡萄",
    "大枣",
    "蜂蜜",
    "茶油",
    "花椒",
    "辣椒",
    "火腿",
    "腊肉",
    "黄酒",
    "白酒",
    "陈醋",
    "核桃",
    "板栗",
]
CN_CLASS = {
    "白茶": "Tea",
    "红茶": "Tea",
    "绿茶": "Tea",
    "毛尖": "Tea",
    "大米": "Fresh or processed fruit, vegetables and cereals",
    "苹果": "Fresh or processed fruit, vegetables and cereals",
    "香梨": "Fresh or processed fruit, vegetables and cereals",
    "葡萄": "Fresh or processed fruit, vegetables and cereals",
    "大枣": "Fresh or processed fruit, vegetables and cereals",
    "蜂蜜": "Other products of animal origin (honey)",
    "茶油": "Oils and fats",
    "花椒": "Other products",
    "辣椒": "Other products",
    "火腿": "Meat products (cooked, salted, smoked, etc.)",
    "腊肉": "Meat products (cooked, salted, smoked, etc.)",
    "黄酒": "Rice wine",
    "白酒": "Spirit",
    "陈醋": "Other products (vinegar)",
    "核桃": "Fresh or processed fruit, vegetables and cereals",
    "板栗": "Fresh or processed fruit, vegetables and cereals",
}
EU_STEMS = [
    "Val",
    "Mont",
    "Saint",
    "Castel",
    "Villa",
    "Terra",
    "Porto",
    "Monte",
    "Bad",
    "Alt",
    "Nova",
    "Santa",
]
EU_PARTS = ["mar", "ver", "dor", "lan", "rio", "sel", "bur", "cas", "tel", "nor", "ges", "pin", "ros", "ber"]
EU_PRODUCTS = [
    ("Wine", ""),
    ("Cheeses", "Formaggio"),
    ("Oils and fats", "Aceite"),
    ("Spirit", "Eau-de-vie"),
    ("Meat products (cooked, salted, smoked, etc.)", "Jamón"),
]
EU_ORIGINS = ["FR", "IT", "ES", "PT", "DE", "AT", "GR", "HU"]


def synthetic_rows(n: int, seed: int = 7) -> list[dict[str, str]]:
    rng = random.Random(seed)
    rows = []
    seen: set[str] = set()
    i = 0
    while len(rows) < n:
        i += 1
        if rng.random() < 0.5:
            place = "".join(rng.sample(CN_PLACES, 2)) + rng.choice(["", "县", "山"])
            product = rng.choice(CN_PRODUCTS)
            name = f"{place}{product}{i}" if f"{place}{product}" in seen else f"{place}{product}"
            name = name.rstrip("0123456789") + ("" if name[-1] not in "0123456789" else "")
            key = name
            if key in seen:
                name = f"{place}{product}第{i}号"
            seen.add(name)
            rows.append(
                {
                    "name": name,
                    "transcription": pinyin(name).title(),
                    "product_class": CN_CLASS[product],
                    "origin": "CN",
                    "region": "",
                    "since": "",
                }
            )
        else:
            stem = (
                rng.choice(EU_STEMS)
                + " "
                + "".join(rng.choice(EU_PARTS) for _ in range(rng.randint(2, 3))).title()
            )
            cls, prefix = rng.choice(EU_PRODUCTS)
            name = f"{prefix} {stem}".strip()
            if name in seen:
                name = f"{name} {i}"
            seen.add(name)
            rows.append(
                {
                    "name": name,
                    "transcription": "",
                    "product_class": cls,
                    "origin": rng.choice(EU_ORIGINS),
                    "region": "",
                    "since": f"{rng.randint(1995, 2024)}",
                }
            )
    return rows


def write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


TH_PLACES = [
    "เชียงใหม่",
    "เชียงราย",
    "น่าน",
    "ลำปาง",
    "สุรินทร์",
    "ศรีสะเกษ",
    "ยโสธร",
    "ระยอง",
    "จันทบุรี",
    "ตราด",
    "พัทลุง",
    "สงขลา",
    "ชุมพร",
    "กาญจนบุรี",
    "ลพบุรี",
]
TH_PRODUCTS = [
    ("ข้าวหอม", "Fresh or processed fruit, vegetables and cereals"),
    ("กาแฟ", "Coffee"),
    ("ส้มโอ", "Fresh or processed fruit, vegetables and cereals"),
    ("ทุเรียน", "Fresh or processed fruit, vegetables and cereals"),
    ("ผ้าไหม", "Handicraft"),
    ("น้ำผึ้ง", "Other products of animal origin (honey)"),
]
GR_STEMS = ["Κρήτης", "Νάξου", "Λέσβου", "Χίου", "Ζακύνθου", "Καλαμάτας", "Αττικής", "Μεσσηνίας"]
GR_PRODUCTS = [
    ("Λάδι", "Oils and fats"),
    ("Τυρί", "Cheeses"),
    ("Κρασί", "Wine"),
    ("Μέλι", "Other products of animal origin (honey)"),
]


def synthetic_rows_all_scripts(n: int, seed: int = 11) -> list[dict[str, str]]:
    """Like synthetic_rows, with about 5 % Thai and 3 % Greek names added (with romanisations)."""
    from anyascii import anyascii

    rng = random.Random(seed)
    base = synthetic_rows(int(n * 0.92), seed)
    seen = {r["name"] for r in base}
    extra = []
    i = 0
    while len(base) + len(extra) < n:
        i += 1
        if rng.random() < 0.62:
            product, cls = rng.choice(TH_PRODUCTS)
            name = f"{product}{rng.choice(TH_PLACES)}{rng.choice(TH_PLACES)}"
            origin = "TH"
        else:
            product, cls = rng.choice(GR_PRODUCTS)
            name = f"{product} {rng.choice(GR_STEMS)} {rng.choice(GR_STEMS)}"
            origin = "GR"
        if name in seen:
            name = f"{name} {i}"
        seen.add(name)
        extra.append(
            {
                "name": name,
                "transcription": anyascii(name).title(),
                "product_class": cls,
                "origin": origin,
                "region": "",
                "since": "",
            }
        )
    rows = base + extra
    rng.shuffle(rows)
    return rows
