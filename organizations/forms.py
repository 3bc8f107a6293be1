"""Admin forms that keep an organization's pages and settings to its own media and events."""

from django import forms
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import DomainNameValidator
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.blocks import StreamValue
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Collection, CollectionMember, Page, Site

from .membership import may_direct_registrations

# The log action of a change of the organization's e-mail domains (organizations.wagtail_hooks).
EMAIL_DOMAINS_CHANGED = "organizations.email_domains"


class ChangeFormatter(LogFormatter):
    """How the admin shows a change logged with its `before` and `after` values."""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return self.message % {
            "before": data.get("before") or gettext("none"),
            "after": data.get("after") or gettext("none"),
        }


NOT_OWN_MEDIA = _("Choose an image or document from this organization's collection.")
NOT_OWN_PAGE = _("Choose one of this organization's own pages.")
NOT_OWN_SNIPPET = _("This belongs to another organization: choose one of this organization's own.")


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
                for refused, message in (
                    (blocks_with_foreign_media(value, allowed), NOT_OWN_MEDIA),
                    (blocks_with_foreign_pages(value, org), NOT_OWN_PAGE),
                    (blocks_with_foreign_owned_objects(value, org), NOT_OWN_SNIPPET),
                ):
                    if refused:
                        # At the top of the field and on each block that holds such a choice.
                        self.add_error(
                            name,
                            StreamBlockValidationError(
                                non_block_errors=[message],
                                block_errors={index: ValidationError(message) for index in refused},
                            ),
                        )
        return cleaned_data


def chosen_objects(stream, wanted):
    """(index, model, pk) of what the stream's blocks choose, of the models `wanted` accepts."""
    found = []
    for index, child in enumerate(stream):
        for model, object_id, _path, _content_path in child.block.extract_references(child.value):
            if not wanted(model):
                continue
            try:
                found.append((index, model, model._meta.pk.to_python(object_id)))
            except ValidationError:
                continue  # a malformed id in rich text links nowhere
    return found


def indexes_choosing(references, foreign):
    """Indexes of the blocks among `references` that chose an object `foreign(model, pks)`
    lists: one query a model."""
    refused = set()
    for model in {model for _index, model, _pk in references}:
        pks = {pk for _index, other, pk in references if other is model}
        outside = set(foreign(model, pks))
        refused.update(index for index, other, pk in references if other is model and pk in outside)
    return sorted(refused)


def blocks_with_foreign_media(stream, allowed_collections):
    """Indexes of the stream's blocks that refer to images or documents outside the collections."""
    return indexes_choosing(
        chosen_objects(stream, lambda model: issubclass(model, CollectionMember)),
        lambda model, pks: (
            model._default_manager.filter(pk__in=pks)
            .exclude(collection_id__in=allowed_collections)
            .values_list("pk", flat=True)
        ),
    )


def blocks_with_foreign_pages(stream, org):
    """Indexes of the stream's blocks that chose a page of a particular kind (an event for
    its info box or registration form) outside the organization.

    Links to any page (a button, a link in the text) may lead to another organization's
    pages; a block that shows another page's data or takes registrations for it may not.
    """
    references = []  # (index, pk)
    for index, child in enumerate(stream):
        for model, object_id, _path, _content_path in child.block.extract_references(child.value):
            if issubclass(model, Page) and model is not Page:
                references.append((index, int(object_id)))
    if not references:
        return []
    roots = org.root_pages()
    own = Q(pk__in=[])
    for root in roots:
        own |= Q(path__startswith=root.path)
    found = set(
        Page.objects.filter(pk__in={pk for _index, pk in references})
        .filter(own)
        .values_list("pk", flat=True)
    )
    return sorted({index for index, pk in references if pk not in found})


def blocks_with_foreign_owned_objects(stream, org):
    """Indexes of the stream's blocks that chose another organization's own object, such as
    a funding notice (organizations.owned.OrganizationOwned: a `site` of its own, not
    shared for choosing like the partner directory)."""
    return indexes_choosing(
        chosen_objects(
            stream,
            lambda model: is_owned(model) and not getattr(model, "shared_for_choosing", False),
        ),
        lambda model, pks: (
            model._default_manager.filter(pk__in=pks)
            .exclude(site_id=org.site_id)
            .values_list("pk", flat=True)
        ),
    )


def is_owned(model):
    """Whether objects of the model belong to one organization (its site)."""
    try:
        field = model._meta.get_field("site")
    except FieldDoesNotExist:
        return False
    return field.many_to_one and issubclass(field.related_model, Site)


class OrganizationSettingsForm(OwnMediaMixin, WagtailAdminModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The languages this organization publishes in. Polish is always included."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Registrations (names, e-mail addresses, answers) are e-mailed to addresses in the
        # organization's domains: only those who may see them may say which domains.
        if (
            self.for_user is not None
            and "email_domains" in self.fields
            and not may_direct_registrations(self.for_user, self.instance.site_id)
        ):
            del self.fields["email_domains"]

    def organization(self):
        return self.instance if self.instance.site_id else None

    def save(self, commit=True):
        before = self.initial.get("email_domains") or ""
        instance = super().save(commit=commit)
        if commit and "email_domains" in self.fields and instance.email_domains != before:
            # In the site history: who sent the registrations elsewhere, and from where to where.
            log(
                instance,
                EMAIL_DOMAINS_CHANGED,
                user=self.for_user,
                data={"before": before, "after": instance.email_domains},
            )
        return instance

    def clean_languages(self):
        chosen = self.cleaned_data["languages"]
        if settings.LANGUAGE_CODE not in chosen:
            raise ValidationError(
                _("The default language (Polish) cannot be switched off."),
                code="default_language_required",
            )
        # Keep the installation's order, whatever order the boxes were ticked in.
        return [code for code, _name in settings.LANGUAGES if code in chosen]

    def clean_email_domains(self):
        """'studiom6.pl, m6.org.pl': domain names separated by commas, kept in lower case,
        each once; an address or a web address in their place is refused."""
        validate = DomainNameValidator()
        domains, refused = [], []
        for part in self.cleaned_data["email_domains"].split(","):
            domain = part.strip().lower().removeprefix("@")
            if not domain:
                continue
            try:
                validate(domain)
            except ValidationError:
                refused.append(part.strip())
                continue
            if domain not in domains:
                domains.append(domain)
        if refused:
            raise ValidationError(
                _(
                    "Not a domain name: %(refused)s. Give only the part after the @ of the "
                    "organization's addresses, separated by commas, e.g. 'studiom6.pl, m6.org.pl'."
                )
                % {"refused": ", ".join(refused)},
                code="invalid_email_domains",
            )
        return ", ".join(domains)
