"""wagtail-localize's "Translate" views, as requests for translation: matched before
wagtail-localize's own (config.urls), like organizations.admin_guards."""

from django.urls import path
from wagtail.admin.auth import require_admin_access

from organizations.admin_guards import snippet_translation_guarded

from .machine import MachineSafeUpdateTranslationsView, machine_translate
from .views import BoardView, QueueView, RequestPageTranslationView, RequestSnippetTranslationView

urlpatterns = [
    path(
        "admin/localize/submit/page/<int:page_id>/",
        require_admin_access(RequestPageTranslationView.as_view()),
    ),
    path(
        "admin/localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
        require_admin_access(RequestSnippetTranslationView.as_view()),
    ),
    # Machine translation with its failures reported (translations.machine).
    path(
        "admin/localize/translate/<int:translation_id>/machine_translate/",
        snippet_translation_guarded(machine_translate),
    ),
    path(
        "admin/localize/update/<int:translation_source_id>/",
        require_admin_access(MachineSafeUpdateTranslationsView.as_view()),
    ),
]

# The workflow's own admin views, under /admin/translations/ (wagtail_hooks).
admin_urlpatterns = [
    path("queue/", QueueView.as_view(), name="queue"),
    path("status/", BoardView.as_view(), name="board"),
]
