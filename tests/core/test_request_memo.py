"""What a request asks more than once is asked once (core.request_memo): the active locale
and the view restrictions behind every list of public pages; a restriction made during the
request is seen at once, and outside a request nothing is remembered."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale, PageViewRestriction

from core.request_memo import one_request
from tests.utils import add_content_page

pytestmark = pytest.mark.django_db


def restriction_queries(queries):
    return [q for q in queries if "wagtailcore_pageviewrestriction" in q["sql"]]


def public_children(org):
    return list(org.site.root_page.get_children().public().values_list("title", flat=True))


@pytest.fixture
def in_a_request():
    # As in one request (Django's request signals would also close the test's connection).
    with one_request():
        yield


def test_the_view_restrictions_are_read_once_per_request(org_a, in_a_request):
    add_content_page(org_a, "Dla wszystkich")

    with CaptureQueriesContext(connection) as queries:
        first = public_children(org_a)
        second = public_children(org_a)

    assert "Dla wszystkich" in first
    assert first == second
    assert len(restriction_queries(queries.captured_queries)) == 1


def test_a_restriction_made_during_the_request_hides_the_section_at_once(org_a, in_a_request):
    page = add_content_page(org_a, "Dla członków")
    assert "Dla członków" in public_children(org_a)

    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="tajne"
    )
    assert "Dla członków" not in public_children(org_a)

    restriction.delete()
    assert "Dla członków" in public_children(org_a)


def test_outside_a_request_every_list_reads_the_restrictions(org_a):
    add_content_page(org_a, "Dla wszystkich")

    with CaptureQueriesContext(connection) as queries:
        public_children(org_a)
        public_children(org_a)

    assert len(restriction_queries(queries.captured_queries)) == 2


def test_the_active_locale_is_asked_once_per_language_in_a_request(in_a_request):
    with CaptureQueriesContext(connection) as queries:
        with translation.override("pl"):
            polish = [Locale.get_active(), Locale.get_active()]
        with translation.override("uk"):
            ukrainian = Locale.get_active()

    assert [locale.language_code for locale in polish] == ["pl", "pl"]
    assert ukrainian.language_code == "uk"
    assert len([q for q in queries.captured_queries if "wagtailcore_locale" in q["sql"]]) == 2
