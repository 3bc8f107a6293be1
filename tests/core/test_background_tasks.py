"""Wagtail's own background work (search and reference index updates) goes to the task
queue in production, not into the editor's request, and the worker does it."""

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.search.backends import get_search_backend

from config.settings import base
from tests.utils import DATABASE_TASKS, add_content_page, run_worker

pytestmark = pytest.mark.django_db

SEARCH_INDEX = "modelsearch.tasks.insert_or_update_object_task"
REFERENCE_INDEX = "wagtail.tasks.update_reference_index_task"


def test_production_and_development_queue_tasks_in_the_database():
    assert base.TASKS == DATABASE_TASKS


def search(org, words):
    return list(get_search_backend().search(words, org.site.root_page.get_descendants()))


@pytest.mark.usefixtures("search_index")
def test_publishing_queues_the_search_and_reference_index_updates_for_the_worker(org_a, task_queue):
    page = add_content_page(org_a, "Pomoc prawna dla cudzoziemców")

    queued = set(DBTaskResult.objects.ready().values_list("task_path", flat=True))
    assert {SEARCH_INDEX, REFERENCE_INDEX} <= queued
    assert search(org_a, "cudzoziemców") == []  # not done inside the request

    run_worker()

    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()
    assert [found.specific for found in search(org_a, "cudzoziemców")] == [page]
