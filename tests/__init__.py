from pathlib import Path

import pytest

# pytest rewrites the asserts of test modules and conftest files only, so that a failing
# one shows its values; the helper modules' asserts (assert_shows, assert_refused, …) too.
pytest.register_assert_rewrite(
    "tests.utils",
    *(f"tests.{path.parent.name}.helpers" for path in Path(__file__).parent.glob("*/helpers.py")),
)
