"""Remembered results: a changed input must give a new entry, never a stale one."""
from generator.base import cache


def test_the_key_changes_with_every_input_and_with_our_code():
    base = cache.key("read/validate.py", b"schema", b"data")
    assert cache.key("read/validate.py", b"schema", b"data") == base
    assert cache.key("read/validate.py", b"schema", b"data!") != base
    assert cache.key("read/validate.py", b"schema!", b"data") != base
    assert cache.key("derive/hongkong/convert.py", b"schema", b"data") != base  # other code, other results
    assert cache.key("read/validate.py", b"sche", b"madata") != base  # parts are not simply concatenated


def test_put_then_get_and_a_damaged_entry_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "FOLDER", tmp_path / "cache")
    name = cache.key("derive/hongkong/convert.py", "x")
    assert cache.get(name) is None
    cache.put(name, {"私有云": 1})
    assert cache.get(name) == {"私有云": 1}
    (tmp_path / "cache" / name).write_text("{not json", encoding="utf-8")
    assert cache.get(name) is None


def test_an_unwritable_cache_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setattr(cache, "FOLDER", blocker / "cache")  # cannot be created
    cache.put("x", True)
    assert cache.get("x") is None
