"""The collection check of tests/conftest.py: a Qt test without `gui`, or an integration test without
`integration`, fails collection with its name."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.conftest import INTEGRATION, missing_markers, pytest_collection_modifyitems

TESTS = INTEGRATION.parent


@pytest.mark.parametrize(("fixtures", "markers", "path", "missing"), [
    (["tmp_path"], [], TESTS / "unit" / "test_x.py", []),
    (["qtbot", "qapp"], [], TESTS / "gui" / "test_x.py", ["gui"]),
    (["event_loop_qt", "qapp"], ["gui"], TESTS / "gui" / "test_x.py", []),  # through a project fixture
    (["qtmodeltester"], [], TESTS / "unit" / "test_x.py", ["gui"]),  # any folder
    (["kamailio"], [], INTEGRATION / "softphone" / "test_x.py", ["integration"]),
    (["kamailio", "qtbot"], ["slow"], INTEGRATION / "softphone" / "test_x.py", ["gui", "integration"]),
    (["qtbot"], ["integration", "gui"], INTEGRATION / "ldap" / "test_x.py", []),
])
def test_missing_markers(fixtures: list[str], markers: list[str], path: Path, missing: list[str]) -> None:
    assert missing_markers(fixtures, markers, path) == missing


def _item(nodeid: str, fixtures: list[str], markers: list[str], path: Path) -> SimpleNamespace:
    return SimpleNamespace(nodeid=nodeid, fixturenames=fixtures, path=path,
                           iter_markers=lambda: [SimpleNamespace(name=m) for m in markers])


def test_collection_fails_naming_each_unmarked_test() -> None:
    items = [_item("tests/gui/test_a.py::test_ok", ["qtbot"], ["gui"], TESTS / "gui" / "test_a.py"),
             _item("tests/gui/test_b.py::test_window", ["qtbot"], [], TESTS / "gui" / "test_b.py"),
             _item("tests/integration/store/test_c.py::test_pg", ["postgres"], [], INTEGRATION / "store" / "t.py")]
    with pytest.raises(pytest.UsageError) as failed:
        pytest_collection_modifyitems(items)  # type: ignore[arg-type]
    lines = str(failed.value).splitlines()
    assert lines[1:] == ["  tests/gui/test_b.py::test_window: missing marker gui "
                         "(add pytestmark = pytest.mark.<name> to its module)",
                         "  tests/integration/store/test_c.py::test_pg: missing marker integration "
                         "(add pytestmark = pytest.mark.<name> to its module)"]


def test_marked_tests_pass_the_check() -> None:
    items = [_item("tests/gui/test_a.py::test_ok", ["qapp"], ["gui"], TESTS / "gui" / "test_a.py")]
    pytest_collection_modifyitems(items)  # type: ignore[arg-type]
