"""The YAML reader every bundled data file goes through (toolkit.data.read_yaml)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml

import toolkit
from toolkit.data import YAML_LOADER, data_path, read_yaml

SHIPPED_YAML = sorted(
    p for p in Path(toolkit.__file__).resolve().parent.rglob("*") if p.suffix in (".yaml", ".yml")
)


def _typed(obj: object) -> object:
    """``obj`` with every value tagged by its type, so 1, 1.0 and True differ."""
    if isinstance(obj, dict):
        return ("dict", [(_typed(k), _typed(v)) for k, v in obj.items()])
    if isinstance(obj, list):
        return ("list", [_typed(v) for v in obj])
    return (type(obj).__name__, obj)


def test_there_are_shipped_yaml_files():
    assert len(SHIPPED_YAML) >= 8


@pytest.mark.parametrize("path", SHIPPED_YAML, ids=lambda p: p.name)
def test_fast_loader_reads_every_shipped_file_as_safe_load_does(path):
    # yaml.safe_load (PyYAML's pure-Python SafeLoader) is the reference
    expected = yaml.safe_load(path.read_text(encoding="utf-8"))
    got = read_yaml(path)
    assert _typed(got) == _typed(expected)
    with open(path, encoding="utf-8") as fh:
        assert _typed(read_yaml(fh)) == _typed(expected)


def test_loader_is_safe_and_uses_libyaml_when_present():
    assert issubclass(YAML_LOADER, (yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    if yaml.__with_libyaml__:
        assert YAML_LOADER is yaml.CSafeLoader
    # a safe loader refuses to build arbitrary Python objects
    with pytest.raises(yaml.YAMLError):
        read_yaml(io.StringIO("!!python/object/apply:os.system ['true']"))


def test_scalars_by_hand():
    got = read_yaml(io.StringIO("a: [1, 2.5, yes, null, '07']\nb: {c: 오늘}\n"))
    assert _typed(got) == _typed({"a": [1, 2.5, True, None, "07"], "b": {"c": "오늘"}})


def test_missing_file_raises():
    with pytest.raises(FileNotFoundError):
        read_yaml(data_path() / "no_such_file.yaml")
