"""Maps the `translations` table to translation.model, and writes the name a reviewed rendering of a GI's
name becomes (with its search keys and readings), or takes it away again when it is rejected."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from gi_lists.keys import name_key_rows, new_readings
from gi_lists.model import Name
from gi_lists.repository import GIRepository
from storage.db import Connection, in_list
from translation.model import Translation

_FIELDS = (
    "id", "text", "source_lang", "target_lang", "result", "engine", "at", "suggested_by", "status",
    "reviewed_by", "reviewed_at", "gi_id", "subject", "note",
)  # fmt: skip
_SELECT = "SELECT " + ", ".join(f'"{f}"' for f in _FIELDS) + " FROM translations"


def _row(r: Any) -> Translation:
    return Translation(*r)


class TranslationRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # -- the memory -----------------------------------------------------------------------------

    def get(self, row_id: int) -> Translation | None:
        found = self.conn.rows(f"{_SELECT} WHERE id = ?", [row_id])
        return _row(found[0]) if found else None

    def lookup(self, text: str, target: str) -> list[Translation]:
        """Renderings of this text into `target` that are not rejected: reviewed first, then newest."""
        rows = self.conn.rows(
            f"{_SELECT} WHERE target_lang = ? AND \"text\" = ? AND status <> 'rejected' ORDER BY id DESC",
            [target, text],
        )
        found = [_row(r) for r in rows]
        return sorted(found, key=lambda t: t.status != "reviewed")

    def listing(
        self,
        *,
        unreviewed: bool = False,
        gi_id: str | None = None,
        subject_prefix: str | None = None,
        limit: int | None = None,
    ) -> list[Translation]:
        where: list[str] = []
        params: list[Any] = []
        if unreviewed:
            where.append("status = 'suggested'")
        if gi_id is not None:
            where.append("gi_id = ?")
            params.append(gi_id)
        if subject_prefix is not None:
            where.append("subject IS NOT NULL")
        sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY id DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        found = [_row(r) for r in self.conn.rows(sql, params)]
        if subject_prefix is not None:
            found = [t for t in found if (t.subject or "").startswith(subject_prefix)]
        return found

    def for_gis(self, ids: Sequence[str], target: str) -> dict[str, list[Translation]]:
        """Renderings of these GIs' names into `target` that are not rejected, reviewed first."""
        out: dict[str, list[Translation]] = defaultdict(list)
        ids = list(dict.fromkeys(ids))
        for i in range(0, len(ids), 900):
            chunk = ids[i : i + 900]
            sql = (
                f"{_SELECT} WHERE target_lang = ? AND status <> 'rejected' AND gi_id IN {in_list(chunk)} "
                "ORDER BY id DESC"
            )
            for r in self.conn.rows(sql, [target, *chunk]):
                t = _row(r)
                out[t.gi_id or ""].append(t)
        for found in out.values():
            found.sort(key=lambda t: t.status != "reviewed")
        return out

    def version(self) -> str:
        """Changes with every suggestion and every review (for caches of exports)."""
        row = self.conn.rows("SELECT count(*), max(id), max(reviewed_at) FROM translations")[0]
        return ":".join(str(v) for v in row)

    def insert(self, values: dict[str, Any]) -> int:
        return int(self.conn.insert("translations", values, returning="id"))

    def update(self, row_id: int, values: dict[str, Any]) -> None:
        self.conn.update("translations", values, "id = ?", [row_id])

    # -- the names reviewed renderings become -----------------------------------------------------

    def has_name(self, gi_id: str, text: str, kind: str) -> bool:
        sql = 'SELECT count(*) FROM names WHERE gi_id = ? AND "text" = ? AND kind = ?'
        return bool(self.conn.scalar(sql, [gi_id, text, kind]))

    def add_name(self, gi_id: str, name: Name) -> None:
        """The name, after the GI's others, with its search keys and the readings it needs."""
        repo = GIRepository(self.conn)
        position = self.conn.scalar('SELECT max("position") FROM names WHERE gi_id = ?', [gi_id])
        row = {
            "gi_id": gi_id,
            "position": (position if position is not None else -1) + 1,
            "text": name.text,
            "kind": name.kind,
            "lang": name.lang,
            "script": name.script,
            "source": name.source,
            "confidence": name.confidence,
        }
        readings = new_readings(repo, {name.text})
        repo.insert_rows("names", [row])
        repo.insert_rows("name_keys", name_key_rows(gi_id, name))
        repo.save_readings(readings)

    def remove_name(self, gi_id: str, text: str, kind: str) -> None:
        """The name and the search keys no other name of the GI of that kind also has."""
        self.conn.execute(
            'DELETE FROM names WHERE gi_id = ? AND "text" = ? AND kind = ?', [gi_id, text, kind]
        )
        mine = {k["compact"] for k in name_key_rows(gi_id, Name(text, kind))}
        others = self.conn.rows('SELECT "text" FROM names WHERE gi_id = ? AND kind = ?', [gi_id, kind])
        kept = {k["compact"] for (t,) in others for k in name_key_rows(gi_id, Name(t, kind))}
        gone = sorted(mine - kept)
        if gone:
            self.conn.execute(
                f"DELETE FROM name_keys WHERE gi_id = ? AND kind = ? AND compact IN {in_list(gone)}",
                [gi_id, kind, *gone],
            )

    def history(self, gi_id: str, values: dict[str, Any]) -> None:
        GIRepository(self.conn).append_history([{"gi_id": gi_id, **values}])
        self.conn.update("gis", {"updated_at": values["at"]}, "id = ?", [gi_id])
