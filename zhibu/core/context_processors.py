from django.utils import timezone

from zhibu.core import stamped
from zhibu.core.registries import navigation


def shell(request) -> dict:
    """The page shell's menu: top-level links and the user's non-empty groups, the current one marked
    (see registries.navigation.items_for); and, when the page shows stored values computed before
    the latest write or on an earlier day (a superior's pages, core/stamped.py), the time they date
    from."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_groups": []}
    as_of = stamped.served_stale()
    return {
        "nav_groups": navigation.items_for(user, request.path),
        "stamped_as_of": as_of,
        "stamped_day_before": as_of is not None and timezone.localdate(as_of) < timezone.localdate(),
    }
