"""Which parts of a page or snippet are shown in another language than the page's, so that
templates can mark them with `lang` for screen readers, translation tools and readers."""

from django.utils.html import format_html, format_html_join


class UntranslatedParts:
    """The untranslated parts of one translation: whole fields (``title``, ``intro``) and
    stream blocks (by block id), all in the source language."""

    def __init__(self, language, paths):
        self.language = language
        self.paths = list(paths)
        self.fields = set()
        self.blocks = set()
        for path in self.paths:
            field, *rest = path.split(".")
            if rest:
                self.blocks.add(rest[0])
            self.fields.add(field)

    def __bool__(self):
        return bool(self.paths)

    def field_language(self, field):
        """The source language when the field itself (not a block in it) is untranslated."""
        return self.language if field in self.paths else ""

    def block_language(self, block_id):
        """The source language when any text of the block is untranslated."""
        return self.language if block_id in self.blocks else ""


def in_its_language(text, language):
    """`text` within <span lang="…"> when `language` is given: a name amid text of another
    language (e.g. in a translated sentence); `text` itself (escaped when shown) otherwise."""
    return format_html('<span lang="{}">{}</span>', language, text) if language else text


def lang_attribute(language):
    """` lang="pl"` for an element whose text is in `language`; nothing when it is ''."""
    return format_html(' lang="{}"', language) if language else ""


def untranslated_attributes(language):
    """` lang="pl" data-untranslated` on a part of a translation left in its source language,
    which the stylesheet sets apart; nothing when `language` is ''."""
    return format_html(' lang="{}" data-untranslated', language) if language else ""


def render_stream(value, context=None):
    """A stream's blocks as Wagtail's StreamBlock renders them, each block that the page's
    translation still shows in its source language marked with that language
    (`untranslated` in the context, from BasePage.get_context)."""
    untranslated = (context or {}).get("untranslated")
    return format_html_join(
        "\n",
        '<div class="w-block-{1} block-{1}"{2}>{0}</div>',
        [
            (
                child.render(context=context),
                child.block_type,
                untranslated_attributes(
                    untranslated.block_language(child.id) if untranslated else ""
                ),
            )
            for child in value
        ],
    )
