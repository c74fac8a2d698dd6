"""What a screening covered: which lists hold the names protected or pending in a jurisdiction, with
their dates and limits (pure: rows in, sentences out). "No conflict" is said only of these names."""

from __future__ import annotations

from dataclasses import dataclass

from wording import agreement_name, annex_name, jurisdiction_name, lang_of, say

EU_SNAPSHOT_FILE = "eu_eambrosia_2020-07.csv"
# foreign GIs a jurisdiction protects by its own routes, outside any agreement (bundled lists)
FOREIGN_FILES = {"CN": "cn_foreign_gis.csv", "TH": "th_foreign_gis.csv"}
HOME_FILE = "home protection (inferred from the lists)"
# the register a jurisdiction keeps of its own (the EU's, also for FR) or, for CN and TH, of the foreign
# GIs it protects by its own routes: a screening that did not cover it says so
OWN_REGISTER = {"EU": "register/EU", "FR": "register/EU", "CN": "register/CN", "TH": "register/TH"}


@dataclass(frozen=True)
class RegisterState:
    """Whether a jurisdiction's own register was screened, and as of when."""

    list_key: str  # 'register/EU'
    state: str  # 'imported', 'snapshot' (the bundled EU register of July 2020), 'partial', 'missing'
    as_of: str  # '2020-07', the date it was imported, or '' when missing

    def name(self, lang: str = "en") -> str:
        return say(f"screen.scope.register_{self.list_key.partition('/')[2].lower()}", lang)

    def warning(self, lang: str = "en") -> str | None:
        """What the screening could not see in this register; None when it was screened as imported."""
        if self.state == "imported":
            return None
        return say(f"screen.scope.register_{self.state}", lang, register=self.name(lang), date=self.as_of)

    def to_dict(self) -> dict[str, str]:
        return {"list": self.list_key, "state": self.state, "as_of": self.as_of}


@dataclass(frozen=True)
class CoveredList:
    list_key: str  # 'china-eu/IV', 'china-france', 'register/EU'
    file: str
    at: str  # when the batch was applied
    names: int  # GIs protected or pending through it in the jurisdiction

    def phrase(self, lang: str = "en") -> str:
        zh = lang_of(lang) == "zh"
        agreement, _, annex = self.list_key.partition("/")
        if self.file == HOME_FILE:
            text = (
                "在原产地受保护（依上列名单推定）"
                if zh
                else "home protection (inferred from the lists above)"
            )
        elif self.list_key == "register/EU" and self.file == EU_SNAPSHOT_FILE:
            text = (
                "欧盟地理标志登记簿（2020年7月版本；此后登记的名称未收录，英国名称自2021年起未经核实）"
                if zh
                else "the EU register as of July 2020 (names registered since then are missing; UK names "
                "unconfirmed since 2021)"
            )
        elif agreement == "register" and FOREIGN_FILES.get(annex) == self.file:
            where = jurisdiction_name(annex, lang)
            text = (
                f"{where}以本国途径保护的外国地理标志（随附名单，仅收录已核实者）"
                if zh
                else f"foreign GIs {where} protects by its own routes (the bundled list holds only those "
                "confirmed)"
            )
        elif agreement == "register":
            where = jurisdiction_name(annex, lang)
            text = (
                f"{where}登记簿（导入文件 {self.file}，{self.at[:10]}）"
                if zh
                else f"the {where} register as imported from {self.file} on {self.at[:10]}"
            )
        elif annex:
            text = (
                annex_name(agreement, annex, "zh")
                if zh
                else f"{agreement_name(agreement, lang)} Annex {annex}"
            )
        else:
            text = (
                f"{agreement_name(agreement, lang)}名单"
                if zh
                else f"the {agreement_name(agreement, lang)} list"
            )
        return f"{text}: {self.names}" if not zh else f"{text}：{self.names}"

    def name(self, lang: str = "en") -> str:
        """The list in a few words, with the date of its data: 'China–EU Annex III (loaded 2026-12-04)',
        'the EU register as of July 2020'."""
        agreement, _, annex = self.list_key.partition("/")
        date = self.at[:10]
        if self.file == HOME_FILE:
            return say("screen.scope.home", lang)
        if self.list_key == "register/EU" and self.file == EU_SNAPSHOT_FILE:
            return say("screen.scope.eu_snapshot", lang)
        if agreement == "register":
            key = "foreign" if FOREIGN_FILES.get(annex) == self.file else "register"
            return say(f"screen.scope.{key}", lang, where=jurisdiction_name(annex, lang), date=date)
        if annex:
            text = (
                annex_name(agreement, annex, lang)
                if lang_of(lang) == "zh"
                else (f"{agreement_name(agreement, lang)} Annex {annex}")
            )
        else:
            text = annex_name(agreement, None, lang)
        return say("screen.scope.list", lang, list=text, date=date)


@dataclass(frozen=True)
class Coverage:
    jurisdiction: str
    lists: tuple[CoveredList, ...]
    names: int  # distinct GIs screened

    def text(self, lang: str = "en") -> str:
        zh = lang_of(lang) == "zh"
        where = jurisdiction_name(self.jurisdiction, lang)
        if not self.lists:
            return (
                f"未筛查：登记簿中没有在{where}受保护或待审的名称。"
                if zh
                else f"nothing screened: the register holds no name protected or pending in {where}."
            )
        parts = ("；" if zh else "; ").join(c.phrase(lang) for c in self.lists)
        missing = self.register().state == "missing"
        gap = (" " if not zh else "") + (self.register().warning(lang) or "") if missing else ""
        if zh:
            return (
                f"筛查范围：登记簿中在{where}受保护或待审的{self.names}个地理标志（{parts}）。"
                f"未列入这些名单、仅受{where}本地登记保护的名称不在筛查范围内。{gap}"
            )
        return (
            f"screened against the {self.names} GIs the register holds as protected or pending in {where} "
            f"({parts}). Names protected in {where} but on none of these lists were not screened.{gap}"
        )

    def register(self) -> RegisterState:
        """The state of the jurisdiction's own register in this screening (the newest file of it)."""
        key = OWN_REGISTER[self.jurisdiction]
        held = [c for c in self.lists if c.list_key == key]
        if not held:
            return RegisterState(key, "missing", "")
        newest = max(held, key=lambda c: c.at)
        if newest.file == EU_SNAPSHOT_FILE:
            return RegisterState(key, "snapshot", "2020-07")
        partial = FOREIGN_FILES.get(key.partition("/")[2]) == newest.file
        return RegisterState(key, "partial" if partial else "imported", newest.at[:10])

    def names_text(self, lang: str = "en") -> str:
        """The lists in a few words each, for 'no conflict found in …'."""
        return ("；" if lang_of(lang) == "zh" else "; ").join(c.name(lang) for c in self.lists)

    def to_dict(self) -> dict[str, object]:
        return {
            "jurisdiction": self.jurisdiction,
            "gis": self.names,
            "lists": [
                {"list": c.list_key, "file": c.file, "loaded": c.at, "gis": c.names, "what": c.phrase()}
                for c in self.lists
            ],
            "register": self.register().to_dict(),
            "note": self.text(),
        }
