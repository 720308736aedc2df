"""Properties of the small parsers and the slot format (hypothesis)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewdesk.security import recovery_code
from reviewdesk.security.keyslots import KdfParams, KeySlotFile, new_data_key

FAST = KdfParams(iterations=1, memory_kib=8, lanes=1)  # only for property runs; the app never uses it


@given(st.text(max_size=60))
def test_normalize_never_crashes_and_only_accepts_full_codes(text: str) -> None:
    result = recovery_code.normalize(text)
    assert result is None or (len(result) == 32 and set(result) <= set(recovery_code.ALPHABET))


@given(st.data())
def test_codes_survive_hand_copying(data: st.DataObject) -> None:
    code = recovery_code.new_code()
    raw = code.replace("-", "")
    sep = data.draw(st.sampled_from(["-", " ", "", "  "]))
    typed = sep.join(raw[i : i + 4] for i in range(0, 32, 4))
    typed = data.draw(st.sampled_from([typed, typed.lower()]))
    assert recovery_code.normalize(typed) == raw


@settings(max_examples=25, deadline=None)
@given(password=st.text(min_size=1, max_size=40), other=st.text(min_size=1, max_size=40))
def test_slot_opens_with_its_password_only(tmp_path_factory, password: str, other: str) -> None:
    path = Path(tmp_path_factory.mktemp("slots")) / "keyslots.json"
    slots = KeySlotFile.create(path, "ws")
    key = new_data_key()
    slots.set_user("张华", password, key, FAST)
    slots.save()
    loaded = KeySlotFile.load(path)
    unlocked = loaded.unlock_user("张华", password)
    assert unlocked is not None and unlocked.data_key == key
    if other != password:
        assert loaded.unlock_user("张华", other) is None
