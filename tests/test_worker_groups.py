"""The tests of a module that builds its data once (a module-scoped fixture: the demo, the
search sites) run together on one pytest-xdist worker, so that the data is built once
(tests/conftest.py, pytest_itemcollected; `--dist loadgroup` in the Makefile).

pytest-xdist groups them by a suffix it writes into each test's id; pytest 9.2 keeps the id
where pytest-xdist 3.8 no longer reaches, so the suffix was lost without a word and the
demo was built on both workers (pyproject.toml pins pytest below 9.2 for that). This test
fails when the grouping stops working again.
"""

import pytest


@pytest.fixture(scope="module")
def built_once():
    return object()


def test_a_module_that_builds_its_data_once_is_one_group_of_the_workers(request, built_once):
    if not getattr(request.config.option, "loadgroup", False):
        pytest.skip("only under pytest-xdist with --dist loadgroup (make test)")
    assert request.node.get_closest_marker("xdist_group").args == (__name__,)
    assert request.node.nodeid.endswith(f"@{__name__}")
