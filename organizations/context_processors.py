from django.utils.functional import SimpleLazyObject

from .languages import organization_for_request


def organization(request):
    """`organization`: the settings of the organization whose site serves the request.

    Lazy, so that admin pages and other views that never use it pay no query.
    """
    return {"organization": SimpleLazyObject(lambda: organization_for_request(request))}
