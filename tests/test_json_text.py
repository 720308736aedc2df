"""The CLI's `--json` text is exactly json.dumps(…, ensure_ascii=False, indent=2, sort_keys=True), whatever the
value: the faster encoder (reviewdesk/cli/json_text.py) must not change a byte."""

from __future__ import annotations

import json
import math
from enum import IntEnum

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewdesk.cli.json_text import dumps


def _standard(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)


class Level(IntEnum):
    LOW = 1


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.text(), st.sampled_from(["", "评查\n\"引号\"\\", "\u2028", "\x00", "😀"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.tuples(inner, inner),
        st.dictionaries(st.text(max_size=8), inner, max_size=5),
    ),
    max_leaves=40,
)


@settings(max_examples=400, deadline=None)
@given(values)
def test_same_text_as_the_standard_encoder(value: object) -> None:
    assert dumps(value) == _standard(value)


def test_values_it_does_not_render_itself_fall_back_unchanged() -> None:
    odd = [
        {1: "a", 2: [1]},  # non-string keys, nested
        {"x": {3: 1}},  # non-string keys in a flat object
        {"n": [math.nan, math.inf, -math.inf]},
        {"level": Level.LOW, "levels": [Level.LOW]},
        [[], {}, [[]], {"a": {}}],
        {"b": 1, "a": [True, None, 1.5, -0.0]},
    ]
    for value in odd:
        assert dumps(value) == _standard(value)


def test_a_panel_listing_shape() -> None:
    member = {"expert_id": 7, "external_id": "E-0007", "name": "专家七", "profession": "judge", "unit": "U1",
              "unit_name": "单位一", "specialist": True, "role": "leader"}
    panel = {"case": {"id": 1, "external_id": "C-1", "case_type": "civil", "unit": "U2", "unit_name": ""},
             "members": [member, dict(member, role="member", expert_id=8)], "backups": [],
             "changes": [{"removed": None, "added": "E-0009", "reason": "回避", "changed_by": "admin",
                          "changed_at": "2026-12-01T10:00:00+08:00"}]}
    value = [panel, panel]
    assert dumps(value) == _standard(value)
