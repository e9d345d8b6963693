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
