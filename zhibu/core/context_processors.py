from zhibu.core.registries import navigation


def shell(request) -> dict:
    """The page shell's menu: top-level links and the user's non-empty groups, the current one marked
    (see registries.navigation.items_for)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_groups": []}
    return {"nav_groups": navigation.items_for(user, request.path)}
