"""Creating an organization: its site, home page, news index and event index in every
language, its about, contact, privacy policy and accessibility statement pages as drafts
(organizations.standard_pages), collection and groups (editors, moderators, translators,
and registrations: the staff who see the people registered for its events).

Used by `manage.py create_organization` and `manage.py demo`. Everything happens in
one transaction, so a clash leaves nothing half-made behind.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import (
    Collection,
    DraftStateMixin,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from .models import OrganizationGroup, OrganizationSettings, locale_for
from .roles import app_role_permissions
from .standard_pages import ACCESSIBILITY_STATEMENT, PRIVACY_POLICY, STANDARD_PAGES

# The standard pages the organization settings link from the footer: set to the page made
# here unless the staff chose one.
SETTING_OF_STANDARD_PAGE = {
    PRIVACY_POLICY.key: "privacy_policy_page",
    ACCESSIBILITY_STATEMENT.key: "accessibility_statement_page",
}

# The page types an organization's site starts with, named by label: they live in the
# apps above this one (home, news, events), which build on organizations, not the reverse.
HOME_PAGE_MODEL = "home.HomePage"
STANDARD_PAGE_MODEL = "home.ContentPage"


class OrganizationError(Exception):
    """The organization cannot be made as asked; the message says why."""


# What each of an organization's groups may do, on its page trees, its collection
# and its settings. Nothing here is global, except access to the admin itself and
# wagtail-localize's submit permission, which organizations.admin_guards narrows to one's own pages.
ROLE_PAGE_PERMISSIONS = {
    "editors": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    "moderators": [
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ],
    # On the home page in their own language only, and there narrowed to translations by
    # organizations.page_permissions: a translator edits and publishes translations into
    # their language, never an original, and never deletes, moves or unpublishes a page.
    "translators": ["change_page", "publish_page", "lock_page"],
    # Seeing who registered for an event is not part of editing it: the registrations
    # group holds no page permission, only the site permission below.
    "registrations": [],
}
# Translators see the pages of every language (the source they translate from), and may
# do nothing else with those of the other languages.
TRANSLATOR_VIEW_PERMISSION = "view_page"
ROLE_COLLECTION_PERMISSIONS = {
    "editors": [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
    "moderators": [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.delete_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.delete_document",
        "wagtaildocs.choose_document",
    ],
    "translators": ["wagtailimages.choose_image", "wagtaildocs.choose_document"],
    "registrations": [],
}
# Permissions on the installation as a whole: access to the admin, and wagtail-localize's
# submit permission, which organizations.admin_guards narrows to one's own pages. The apps
# add their own models' permissions (organizations.roles.app_role_permissions).
ROLE_GLOBAL_PERMISSIONS = {
    "editors": ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"],
    "moderators": ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"],
    "translators": ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"],
    "registrations": ["wagtailadmin.access_admin"],
}
ROLES = list(ROLE_PAGE_PERMISSIONS)


@dataclass
class OrganizationResult:
    settings: OrganizationSettings
    created: bool
    changes: list = field(default_factory=list)

    @property
    def site(self):
        return self.settings.site


def group_name(organization_name, role, language=""):
    """`<Organization> editors`, and for translators `<Organization> translators (uk)`."""
    return f"{organization_name} {role} ({language})" if language else f"{organization_name} {role}"


def role_languages(role, languages):
    """The languages a role has a group for: translators one per language of the
    organization (into Ukrainian, into English, and into Polish for what is written first
    in another language); every other role one group, for no particular language."""
    return list(languages) if role == "translators" else [""]


def organization_group_names(name, languages):
    return [
        group_name(name, role, language)
        for role in ROLES
        for language in role_languages(role, languages)
    ]


def organization_groups(org_settings):
    return Group.objects.filter(organization_role__site=org_settings.site)


def permission(dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def validate_languages(languages):
    known = [code for code, _name in settings.LANGUAGES]
    unknown = [code for code in languages if code not in known]
    if unknown:
        raise OrganizationError(
            f"Unknown language(s): {', '.join(unknown)}. "
            f"This installation publishes in: {', '.join(known)}."
        )
    if settings.LANGUAGE_CODE not in languages:
        raise OrganizationError(
            f"The default language '{settings.LANGUAGE_CODE}' must be among the languages."
        )
    return [code for code in known if code in languages]


@transaction.atomic
def create_organization(*, name, slug, hostname, languages=None, port=80, user=None):
    """Make an organization, or confirm it exists; return what was done.

    `languages` None: every language of the installation for a new organization, and the
    ones it has for an existing one (languages are only ever added, never taken away).
    """
    name = name.strip()
    slug = slugify(slug)
    hostname = hostname.strip().lower()
    if not name or not slug or not hostname:
        raise OrganizationError("Name, slug and hostname are required.")

    existing = (
        OrganizationSettings.objects.filter(slug=slug)
        .select_related("site", "site__root_page")
        .first()
    )
    if languages is None:
        languages = existing.languages if existing else [code for code, _n in settings.LANGUAGES]
    languages = validate_languages(languages)
    if existing is not None:
        return _confirm_existing(existing, name=name, hostname=hostname, languages=languages)

    clash = Site.objects.filter(hostname=hostname).first()
    if clash is not None:
        raise OrganizationError(f"The hostname {hostname} is already used by '{clash}'.")
    if OrganizationSettings.objects.filter(name=name).exists():
        raise OrganizationError(f"An organization named '{name}' already exists.")
    if Group.objects.filter(name__in=organization_group_names(name, languages)).exists():
        raise OrganizationError(f"Groups named '{name} …' already exist.")

    root = Page.get_first_root_node()
    if root.get_children().filter(slug=slug).exists():
        raise OrganizationError(f"A top-level page with the slug '{slug}' already exists.")

    default_locale = locale_for(settings.LANGUAGE_CODE)
    home_page = apps.get_model(HOME_PAGE_MODEL)
    home = root.add_child(instance=home_page(title=name, slug=slug, locale=default_locale))
    home.save_revision(user=user).publish(user=user)
    site = Site.objects.create(
        hostname=hostname,
        port=port,
        site_name=name,
        root_page=home,
        is_default_site=not Site.objects.filter(is_default_site=True).exists(),
    )
    collection = Collection.get_first_root_node().add_child(name=name)
    org_settings = OrganizationSettings.objects.create(
        site=site, name=name, slug=slug, languages=languages, collection=collection
    )
    for role in ROLES:
        for language in role_languages(role, languages):
            _create_group(org_settings, role, language)
    attach_workflow(org_settings, home)
    result = OrganizationResult(settings=org_settings, created=True)
    _add_missing_translations(org_settings, languages, user, result)
    _add_missing_indexes(org_settings, user, result)
    _add_missing_standard_pages(org_settings, user, result)
    return result


def _create_group(org_settings, role, language=""):
    group = Group.objects.create(name=group_name(org_settings.name, role, language))
    OrganizationGroup.objects.create(
        group=group, site=org_settings.site, role=role, language=language
    )
    grant_role_permissions(group, role, org_settings, language)
    return group


def grant_role_permissions(group, role, org_settings, language=""):
    """Give the group what its role lists and it lacks; return whether anything was added.

    Permissions the group holds beyond the lists (an administrator's additions) are kept.
    A translators group holds its page permissions on the home page in its language and
    may only view the others.
    """
    added = False
    held = set(group.permissions.values_list("pk", flat=True))
    wanted = [*ROLE_GLOBAL_PERMISSIONS[role], *app_role_permissions("global", role)]
    missing = [p for p in map(permission, wanted) if p.pk not in held]
    if missing:
        group.permissions.add(*missing)
        added = True
    if org_settings.collection is not None:
        for codename in ROLE_COLLECTION_PERMISSIONS[role]:
            _rule, created = GroupCollectionPermission.objects.get_or_create(
                group=group, collection=org_settings.collection, permission=permission(codename)
            )
            added |= created
    for codename in app_role_permissions("site", role):
        _rule, created = GroupSitePermission.objects.get_or_create(
            group=group, site=org_settings.site, permission=permission(codename)
        )
        added |= created
    for root in org_settings.root_pages().select_related("locale"):
        added |= grant_page_permissions(group, role, root, language)
    return added


def grant_page_permissions(group, role, page, language=""):
    """The role's permissions on a home page (the root of one language's tree)."""
    added = False
    codenames = ROLE_PAGE_PERMISSIONS[role]
    if role == "translators":
        if page.locale.language_code != language:
            codenames = [TRANSLATOR_VIEW_PERMISSION]
        else:
            codenames = [*codenames, TRANSLATOR_VIEW_PERMISSION]
    for codename in codenames:
        _rule, created = GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=permission(f"wagtailcore.{codename}")
        )
        added |= created
    return added


def _update_groups(org_settings, result):
    """Bring the organization's groups up to the role lists, e.g. after a new app's release:
    a role's group that is missing (one added by a later release) is created."""
    updated = 0
    recorded = OrganizationGroup.objects.filter(site=org_settings.site).select_related("group")
    for role in ROLES:
        for language in role_languages(role, org_settings.languages):
            found = recorded.filter(role=role, language=language).first()
            if found is None:
                group = _create_group(org_settings, role, language)
                result.changes.append(f"created the group {group.name}")
                continue
            updated += grant_role_permissions(found.group, role, org_settings, language)
    if updated:
        result.changes.append(f"updated permissions of {updated} group{'s' if updated > 1 else ''}")


def workflow_name(organization_name):
    return f"{organization_name} moderation"


def organization_workflow(org_settings):
    """The organization's moderation workflow: its moderators approve what its editors
    submit. Made once; found by name, like the groups."""
    name = workflow_name(org_settings.name)
    workflow = Workflow.objects.filter(name=name).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=name)
        task = GroupApprovalTask.objects.create(name=f"{org_settings.name} moderators approval")
        task.groups.set(
            organization_groups(org_settings).filter(organization_role__role="moderators")
        )
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def attach_workflow(org_settings, page):
    """Pages under `page` (a home page, in one language) go to the organization's moderators
    when submitted for moderation."""
    _found, created = WorkflowPage.objects.get_or_create(
        page=page, defaults={"workflow": organization_workflow(org_settings)}
    )
    return created


def grant_organization_permissions_on(page):
    """Give a new home page translation the permissions its site's root page has.

    Copied from the root page rather than looked up by group name, so that renaming
    the organization or its groups does not break it; except the translators', which
    depend on the page's language.
    """
    site = Site.objects.filter(root_page__translation_key=page.translation_key).first()
    if site is None or site.root_page_id == page.pk:
        return
    translators = OrganizationGroup.objects.filter(site=site, role="translators")
    for rule in GroupPagePermission.objects.filter(page_id=site.root_page_id).exclude(
        group__in=translators.values("group")
    ):
        GroupPagePermission.objects.get_or_create(
            group_id=rule.group_id, page=page, permission_id=rule.permission_id
        )
    for translator in translators.select_related("group"):
        grant_page_permissions(translator.group, "translators", page, translator.language)
    root_workflow = WorkflowPage.objects.filter(page_id=site.root_page_id).first()
    if root_workflow is not None:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": root_workflow.workflow})


def _confirm_existing(org_settings, *, name, hostname, languages):
    site = org_settings.site
    if org_settings.name != name:
        raise OrganizationError(
            f"The slug '{org_settings.slug}' belongs to '{org_settings.name}', not '{name}'."
        )
    if site.hostname != hostname:
        raise OrganizationError(
            f"'{name}' already exists on {site.hostname}; change its hostname in the "
            f"admin under Settings > Sites instead."
        )
    result = OrganizationResult(settings=org_settings, created=False)
    added = [code for code in languages if code not in org_settings.languages]
    if added:
        org_settings.languages = [
            code for code, _n in settings.LANGUAGES if code in {*org_settings.languages, *added}
        ]
        org_settings.save(update_fields=["languages"])
        result.changes.append(f"added language(s) {', '.join(added)}")
    _add_missing_translations(org_settings, org_settings.languages, None, result)
    _add_missing_indexes(org_settings, None, result)
    _add_missing_standard_pages(org_settings, None, result)
    _update_groups(org_settings, result)
    attached = [attach_workflow(org_settings, root) for root in org_settings.root_pages()]
    if any(attached):
        result.changes.append("put the pages under the organization's moderation workflow")
    return result


def _add_missing_translations(org_settings, languages, user, result):
    """Create the home page in each language that lacks it, through wagtail-localize."""
    home = org_settings.site.root_page.specific
    missing = missing_locales(home, languages)
    if not missing:
        return
    # The home page's title is the organization's name: a proper name, kept as it is in
    # every language (marked as Polish on the page), so nothing is left for a translator.
    name = {home.title: {locale.language_code: home.title for locale in missing}}
    translate_and_publish(home, missing, user, name)
    if not result.created:
        result.changes.append(
            f"created the home page in {', '.join(lo.language_code for lo in missing)}"
        )


@dataclass(frozen=True)
class IndexPage:
    """A listing page every organization starts with under its home page, in each of its
    languages: its title and slug in Polish, and in the other languages as a translator
    would give them in wagtail-localize ({Polish text: {language: text}})."""

    model: str
    label: str
    title: str
    slug: str
    translations: dict


NEWS_INDEX_TITLE = "Aktualności"
NEWS_INDEX_SLUG = "aktualnosci"
NEWS_INDEX_TRANSLATIONS = {
    NEWS_INDEX_TITLE: {"uk": "Новини", "en": "News"},
    NEWS_INDEX_SLUG: {"uk": "novyny", "en": "news"},
}
NEWS_INDEX = IndexPage(
    "news.NewsIndexPage", "news index", NEWS_INDEX_TITLE, NEWS_INDEX_SLUG, NEWS_INDEX_TRANSLATIONS
)
EVENT_INDEX = IndexPage(
    "events.EventIndexPage",
    "event index",
    "Wydarzenia",
    "wydarzenia",
    {
        "Wydarzenia": {"uk": "Події", "en": "Events"},
        "wydarzenia": {"uk": "podii", "en": "events"},
    },
)
INDEX_PAGES = [NEWS_INDEX, EVENT_INDEX]


def _add_missing_indexes(org_settings, user, result):
    for spec in INDEX_PAGES:
        _add_missing_index(org_settings, spec, user, result)


def _add_missing_index(org_settings, spec, user, result):
    """Create the listing page under the Polish home page, and in each language that lacks it.

    Out of the menu: the organization's staff decide what their menu shows.
    """
    model = apps.get_model(spec.model)
    # The same object each time (`specific` is cached): it counts the children added to
    # it, so the next index, and the caller's next page, get a path of their own.
    home = org_settings.site.root_page.specific
    index = model.objects.child_of(home).first()
    created = []
    if index is None:
        index = home.add_child(
            instance=model(
                title=spec.title,
                slug=find_available_slug(home, spec.slug),
                locale=home.locale,
                show_in_menus=False,
            )
        )
        index.save_revision(user=user).publish(user=user)
        created.append(home.locale)
    missing = missing_locales(index, org_settings.languages)
    if missing:
        translate_and_publish(index, missing, user, spec.translations)
    created += missing
    if created and not result.created:
        result.changes.append(
            f"created the {spec.label} in {', '.join(lo.language_code for lo in created)}"
        )


def _add_missing_standard_pages(org_settings, user, result):
    """Create each standard page the Polish home page lacks, and the translations it lacks.

    A standard page is found by its Polish slug under the home page: one the staff renamed
    or deleted comes back, as a draft that shows nowhere until someone publishes it. New
    translations are drafts too, also of a page that is live: its text is the staff's
    own by then, for translators to translate before it is published.
    """
    content_page = apps.get_model(STANDARD_PAGE_MODEL)
    home = org_settings.site.root_page.specific
    existing = {page.slug: page for page in home.get_children().specific()}
    for spec in STANDARD_PAGES:
        page = existing.get(spec.slug)
        created = []
        if page is None:
            page = home.add_child(
                instance=content_page(
                    title=spec.title,
                    slug=find_available_slug(home, spec.slug),
                    locale=home.locale,
                    intro=spec.intro,
                    body=spec.body_value(),
                    show_in_menus=spec.show_in_menus,
                    live=False,
                )
            )
            page.save_revision(user=user)
            created.append(home.locale)
        elif not isinstance(page, content_page):
            continue
        missing = missing_locales(page, org_settings.languages)
        if missing:
            translate_and_publish(page, missing, user, spec.translations, publish=False)
        created += missing
        setting = SETTING_OF_STANDARD_PAGE.get(spec.key)
        if setting and getattr(org_settings, f"{setting}_id") is None:
            setattr(org_settings, setting, page)
            org_settings.save(update_fields=[setting])
        if created and not result.created:
            result.changes.append(
                f"created the draft page '{spec.title}' in "
                f"{', '.join(lo.language_code for lo in created)}"
            )


def missing_locales(page, languages):
    """The locales among `languages` the page has no translation in (draft or live)."""
    have = set(
        page.get_translations(inclusive=True).values_list("locale__language_code", flat=True)
    )
    return [locale_for(code) for code in languages if code not in have]


def translate_and_publish(page, locales, user=None, texts=None, publish=True):
    """Translate a page or snippet into `locales` through wagtail-localize; publish pages now.

    The source is taken from the object as it is now, so running this again after the
    original changed brings the translations up to date (the demo fills pages that
    create_organization made). wagtail-localize's TranslationCreator publishes a
    translation when the transaction commits, from the page object it created it as: a
    home page translation that gets a child in the same transaction (a news or event
    index) would be saved back with the tree as it was before, counting no children, and
    the next page added under it would clash. Saved as drafts and published at once, the
    translations never hold a stale tree.

    `texts` gives translations of the object's strings: {source text: {language: text}}.
    With `publish=False` page translations stay drafts whether the page is live or not;
    snippets have no drafts and are saved as they are.
    """
    source, _created = TranslationSource.update_or_create_from_instance(page)
    # Whether the original is live in the database: an object just published through a
    # revision still says live=False in memory.
    draftable = isinstance(page, DraftStateMixin)
    live = draftable and type(page)._default_manager.filter(pk=page.pk, live=True).exists()
    # The snippets it refers to come first, as TranslationCreator does them.
    related = TranslationCreator(user, locales)
    for segment in source.relatedobjectsegment_set.all():
        related.create_translations(
            segment.object.get_instance(page.locale), include_related_objects=False
        )
    for locale in locales:
        for segment in source.stringsegment_set.select_related("string", "context"):
            text = (texts or {}).get(segment.string.data, {}).get(locale.language_code)
            if text:
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    defaults={"data": text, "translation_type": "manual"},
                )
        translation, _created = Translation.objects.update_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        # Only what has drafts can be saved as one; other snippets are saved as they are.
        translation.save_target(user=user, publish=not draftable)
        if publish and live:
            page.get_translation(locale).get_latest_revision().publish(user=user)
