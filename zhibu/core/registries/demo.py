"""Demo loaders: each app registers one; `manage.py demo` runs those not yet loaded, in order."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DemoLoader:
    name: str
    order: int
    func: Callable[[], str | None]


_LOADERS: dict[str, DemoLoader] = {}


def register(name: str, *, order: int = 100):
    def decorator(func: Callable[[], str | None]):
        _LOADERS[name] = DemoLoader(name, order, func)
        return func

    return decorator


def loaders() -> list[DemoLoader]:
    return sorted(_LOADERS.values(), key=lambda loader: (loader.order, loader.name))


# Who can log in to the demo, printed by `manage.py demo`: the app that makes the accounts says so.
_ACCOUNTS: list[Callable[[], tuple[str, list[tuple[str, str]]]]] = []


def register_accounts(func: Callable[[], tuple[str, list[tuple[str, str]]]]):
    """`func() -> (password, [(username, who), ...])` for the demo accounts an app created."""
    if func not in _ACCOUNTS:
        _ACCOUNTS.append(func)
    return func


def accounts() -> list[tuple[str, list[tuple[str, str]]]]:
    return [func() for func in _ACCOUNTS]
