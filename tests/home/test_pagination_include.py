"""The pagination include of the design system (templates/includes/pagination.html)."""

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils import translation

from tests.utils import pagination_shown as shown


def render(number, pages=12, **context):
    page_obj = Paginator(range(pages * 10), 10).get_page(number)
    with translation.override("en"):
        return render_to_string(
            "includes/pagination.html", {"page_obj": page_obj, "label": "News pages", **context}
        )


def test_numbers_around_the_current_page_with_gaps():
    html = render(5, query="category=pomoc")

    assert shown(html) == ["‹", "Previous", "1", "…", "4", "5", "6", "…", "12", "Next", "›"]
    assert '<nav class="pagination" aria-label="News pages">' in html
    assert '<span aria-current="page"><span class="visually-hidden">Page </span>5</span>' in html
    assert 'href="?category=pomoc&amp;page=4" rel="prev"' in html
    assert 'href="?category=pomoc&amp;page=6" rel="next"' in html
    assert 'href="?category=pomoc&amp;page=12"' in html


def test_first_page_has_no_previous_and_own_labels():
    html = render(1, pages=3, previous_label="Newer articles", next_label="Older articles")

    assert shown(html) == ["1", "2", "3", "Older", "articles", "›"]
    assert 'rel="prev"' not in html
    assert 'href="?page=2" rel="next"' in html


def test_a_single_page_shows_no_pagination():
    assert render(1, pages=1).strip() == ""
