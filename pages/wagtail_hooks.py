from django.http import HttpResponsePermanentRedirect
from wagtail import hooks


@hooks.register("before_serve_page")
def redirect_old_address(page, request, serve_args, serve_kwargs):
    """An address found only under a page's original (e.g. the Polish slug in /uk/) sends
    the visitor to the page's translation (see BasePage.route_to_original)."""
    target = getattr(request, "language_redirect", None)
    if target is not None and target[0] == page.pk:
        return HttpResponsePermanentRedirect(target[1])
    return None
