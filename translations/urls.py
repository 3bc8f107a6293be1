"""wagtail-localize's "Translate" views, as requests for translation: matched before
wagtail-localize's own (config.urls), like organizations.admin_guards."""

from django.urls import path
from wagtail.admin.auth import require_admin_access

from organizations.admin_guards import snippet_translation_guarded

from . import views_po
from .machine import MachineSafeUpdateTranslationsView, machine_translate
from .views import (
    BoardView,
    ChangesView,
    QueueView,
    RequestPageTranslationView,
    RequestSnippetTranslationView,
)

urlpatterns = [
    path(
        "admin/localize/submit/page/<int:page_id>/",
        require_admin_access(RequestPageTranslationView.as_view()),
    ),
    path(
        "admin/localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
        require_admin_access(RequestSnippetTranslationView.as_view()),
    ),
    # wagtail-localize's PO download and upload of one translation, with the checks of a PO
    # file upload (translations.po): its language, what it was made for, who may change it.
    path(
        "admin/localize/translate/<int:translation_id>/pofile/download/",
        views_po.download_translation_pofile,
    ),
    path(
        "admin/localize/translate/<int:translation_id>/pofile/upload/",
        views_po.upload_translation_pofile,
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
    path("changes/<int:translation_id>/", ChangesView.as_view(), name="changes"),
    path("po/", views_po.POFilesView.as_view(), name="po_files"),
    path(
        "po/section/<int:page_id>/<str:language>/",
        views_po.POFileView.as_view(),
        name="po_file_section",
    ),
    path(
        "po/section/<int:page_id>/<str:language>/download/",
        views_po.PODownloadView.as_view(),
        name="po_download_section",
    ),
    path(
        "po/snippets/<int:site_id>/<str:label>/<str:language>/",
        views_po.POFileView.as_view(),
        name="po_file_snippets",
    ),
    path(
        "po/snippets/<int:site_id>/<str:label>/<str:language>/download/",
        views_po.PODownloadView.as_view(),
        name="po_download_snippets",
    ),
]
