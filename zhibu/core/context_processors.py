from zhibu.core import stamped
from zhibu.core.registries import navigation


def shell(request) -> dict:
    """The page shell's menu: top-level links and the user's non-empty groups, the current one marked
    (see registries.navigation.items_for); and, when the page shows stored values computed before
    the latest write (a superior's pages, core/stamped.py), the time they date from."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_groups": []}
    return {"nav_groups": navigation.items_for(user, request.path), "stamped_as_of": stamped.served_stale()}
