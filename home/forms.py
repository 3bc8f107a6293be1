"""Admin forms that keep an organization's pages and settings to its own media."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.blocks import StreamValue
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.models import Collection, CollectionMember

NOT_OWN_MEDIA = _("Choose an image or document from this organization's collection.")


class OwnMediaMixin:
    """Refuse an image or document of another organization typed in by its id.

    The choosers offer only one's own collection, but a form accepts any id: in a
    foreign key field, and anywhere in a StreamField (image and document blocks, nested
    ones, links to documents in rich text).
    """

    def organization(self):
        raise NotImplementedError

    def clean(self):
        cleaned_data = super().clean()
        org = self.organization()
        if org is None or org.collection is None:
            return cleaned_data
        allowed = set(
            Collection.objects.descendant_of(org.collection, inclusive=True).values_list(
                "pk", flat=True
            )
        )
        for name, value in list(cleaned_data.items()):
            if isinstance(value, CollectionMember) and value.collection_id not in allowed:
                self.add_error(name, NOT_OWN_MEDIA)
            elif isinstance(value, StreamValue):
                refused = blocks_with_foreign_media(value, allowed)
                if refused:
                    # At the top of the field and on each block that holds such media.
                    self.add_error(
                        name,
                        StreamBlockValidationError(
                            non_block_errors=[NOT_OWN_MEDIA],
                            block_errors={
                                index: ValidationError(NOT_OWN_MEDIA) for index in refused
                            },
                        ),
                    )
        return cleaned_data


def blocks_with_foreign_media(stream, allowed_collections):
    """Indexes of the stream's blocks that refer to images or documents outside the collections."""
    references = []  # (index, model, pk)
    for index, child in enumerate(stream):
        for model, object_id, _path, _content_path in child.block.extract_references(child.value):
            if not issubclass(model, CollectionMember):
                continue
            try:
                references.append((index, model, model._meta.pk.to_python(object_id)))
            except ValidationError:
                continue  # a malformed id in rich text links nowhere
    refused = set()
    for model in {model for _index, model, _pk in references}:
        pks = {pk for _index, other, pk in references if other is model}
        foreign = set(
            model._default_manager.filter(pk__in=pks)
            .exclude(collection_id__in=allowed_collections)
            .values_list("pk", flat=True)
        )
        refused.update(index for index, other, pk in references if other is model and pk in foreign)
    return sorted(refused)


class OrganizationPageForm(OwnMediaMixin, WagtailAdminPageForm):
    def organization(self):
        from .models import OrganizationSettings

        page = self.instance if self.instance.pk else self.parent_page
        return OrganizationSettings.for_page(page) if page is not None else None


class OrganizationSettingsForm(OwnMediaMixin, WagtailAdminModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The languages this organization publishes in. Polish is always included."),
    )

    def organization(self):
        return self.instance if self.instance.site_id else None

    def clean_languages(self):
        chosen = self.cleaned_data["languages"]
        if settings.LANGUAGE_CODE not in chosen:
            raise ValidationError(
                _("The default language (Polish) cannot be switched off."),
                code="default_language_required",
            )
        # Keep the installation's order, whatever order the boxes were ticked in.
        return [code for code, _name in settings.LANGUAGES if code in chosen]
