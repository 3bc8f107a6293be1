"""Test helpers live in tests/utils.py or tests/<app>/helpers.py, never imported from a
conftest.py or a test module.

A conftest.py is for fixtures, which pytest hands to the tests below it without an import;
a test module is for tests. A module that imports a helper from either depends on what
pytest loads for its own purposes, and a helper moved or renamed there breaks tests
elsewhere. This test reads every import statement under tests/ (imports inside functions
included) and reports those that name a conftest or a `test_*` module.
"""

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def is_conftest_or_test_module(name):
    """Whether the dotted name is, or is inside, a conftest or test_* module of tests/."""
    parts = name.split(".")
    return parts[0] == "tests" and any(
        part == "conftest" or part.startswith("test_") for part in parts[1:]
    )


def forbidden_imports(source, module, is_package=False):
    """(line, dotted name) of each conftest or test module that `source` imports from, or
    imports. `module` is the dotted name of the source's module, for relative imports."""
    package = module.split(".") if is_package else module.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module
            if node.level:
                parts = package[: len(package) - (node.level - 1)]
                base = ".".join(parts + ([node.module] if node.module else []))
            # `from tests.home import test_blocks` imports a test module too.
            names = (
                [base]
                if is_conftest_or_test_module(base)
                else [f"{base}.{alias.name}" for alias in node.names]
            )
        else:
            continue
        found += [(node.lineno, name) for name in names if is_conftest_or_test_module(name)]
    return sorted(found)


def test_no_module_under_tests_imports_from_a_conftest_or_a_test_module():
    scanned, reported = [], []
    for path in sorted(TESTS.rglob("*.py")):
        parts = path.relative_to(TESTS.parent).with_suffix("").parts
        is_package = path.name == "__init__.py"
        module = ".".join(parts[:-1] if is_package else parts)
        scanned.append(module)
        for line, name in forbidden_imports(path.read_text(encoding="utf-8"), module, is_package):
            reported.append(f"{path.relative_to(TESTS.parent)}:{line}: imports {name}")

    assert __name__ in scanned
    assert reported == []


def test_the_check_reports_imports_from_conftest_and_test_modules():
    source = "\n".join(
        [
            "import pytest",
            "from tests.conftest import PASSWORD",
            "from tests.events.test_registration_flow import form_data",
            "import tests.home.test_blocks",
            "from tests.home import test_blocks",
            "from .conftest import add_event",
            "from tests.utils import visit",
            "from tests.events.helpers import add_event",
            "def later():",
            "    from tests.news.conftest import news_index",
        ]
    )

    assert forbidden_imports(source, "tests.events.test_example") == [
        (2, "tests.conftest"),
        (3, "tests.events.test_registration_flow"),
        (4, "tests.home.test_blocks"),
        (5, "tests.home.test_blocks"),
        (6, "tests.events.conftest"),
        (10, "tests.news.conftest"),
    ]


def test_the_check_resolves_relative_imports_of_a_package():
    assert forbidden_imports("from . import conftest", "tests.events", is_package=True) == [
        (1, "tests.events.conftest")
    ]
    assert forbidden_imports("from ..home.helpers import login", "tests.events.test_x") == []
