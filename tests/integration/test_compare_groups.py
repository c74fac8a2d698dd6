"""The comparison brief leads with the key differences that compare.scope.difference_groups finds, in the
same order: the Compare page shows the same groups (tests/app/test_compare_charts.py)."""

from __future__ import annotations

import pytest

from briefings.comparison import compare_brief
from compare.scope import difference_groups
from compare.services import compare_agreements
from reports.briefing import Para

THREE = ["china-eu", "china-france", "china-thailand"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_brief_leads_with_the_key_differences_in_the_groups_order(loaded_engine, lang):
    groups = difference_groups(compare_agreements(loaded_engine, THREE, include_trips=True))
    brief = compare_brief(loaded_engine, THREE, lang=lang)
    keyed = brief.sections[0]
    leads = [bl.text for bl in keyed.blocks if isinstance(bl, Para) and bl.style == "lead"]
    labels = [d.dimension.label(lang) for d in groups.key]
    assert [t for t in leads if t in labels] == labels
    assert groups.among and groups.unknown_only  # the bundled data has both kinds
    unknown = {d.dimension.label(lang) for d in groups.unknown_only}
    assert not unknown & set(leads)  # a dimension unknown on one side is never a key difference
