"""Helpers for the translation workflow's tests: translations started as wagtail-localize's
"Translate" starts them, and PO files read, changed and checked as a translator's tool would."""

import subprocess
import tempfile
from pathlib import Path

import polib
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator


def in_admin_language(user, code):
    """The user, with the admin in `code` (their account settings)."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = code
    profile.save()
    return user


def locale(code):
    return Locale.objects.get(language_code=code)


def start_translation(instance, code, user=None):
    """wagtail-localize's Translate: the draft translation to fill, segment by segment."""
    TranslationCreator(user, [locale(code)]).create_translations(instance)
    return Translation.objects.get(
        source__object_id=instance.translation_key, target_locale=locale(code)
    )


def read_po(content):
    """A downloaded PO file (bytes) as polib reads it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "file.po"
        path.write_bytes(content)
        return polib.pofile(str(path))


def msgfmt_check(content):
    """GNU msgfmt --check on the file: (return code, what it said)."""
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", "-"],
        input=content,
        capture_output=True,
        check=False,
    )
    return result.returncode, result.stderr.decode()


def po_upload(content, name="translated.po"):
    return SimpleUploadedFile(name, content, content_type="text/x-gettext-translation")


def translate_all(po, prefix="UK"):
    """Every entry translated as `prefix: <original>`; the file as bytes."""
    for entry in po:
        entry.msgstr = f"{prefix}: {entry.msgid}"
    return str(po).encode()


def translations_into(code):
    """{(original text, context path): translation} of every string translated into `code`."""
    return {
        (string.translation_of.data, string.context.path): string.data
        for string in StringTranslation.objects.filter(locale__language_code=code).select_related(
            "translation_of", "context"
        )
    }
