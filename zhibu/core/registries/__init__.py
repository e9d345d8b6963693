"""Every registry the apps plug into, and the one `autodiscover()` that fills them.

Each app registers through modules of the same names — the same list for every app, so a new
ledger knows where each kind of registration goes and `core` never imports a ledger by name:

    roles.py          permissions per role, object rules          (core.policy)
    audit_actions.py  its audit action codes with Chinese labels  (registries.audit_actions)
    figures.py        named numbers with their records            (registries.figures)
    rules.py          findings: rule checks with evidence         (registries.findings)
    sections.py       paragraphs of the documents                 (registries.sections)
    search.py         search providers                            (registries.search)
    nav.py            menu entries                                (registries.navigation)
    dashboard.py      dashboard panels                            (registries.dashboard)
    demo_data.py      demo loaders                                (registries.demo)
    exporters.py      file exporters                              (registries.exporters)
    jobs.py           background job handlers                     (registries.jobs)
    removals.py       records users may remove to the 回收站       (registries.removals)
    citygen.py        generators of a synthetic city (gen_city)    (registries.citygen)
    oversight.py      the bureau's grid over many branches        (registries.oversight)
    publishable.py    drafts a ledger offers the 党务公开 board     (registries.publishable)
    points.py         actions that earn members points (积分)      (registries.points)
    proofing.py       checkers marking suspected wrong words      (registries.proofing)
"""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec

REGISTERING_MODULES = (
    "roles",
    "audit_actions",
    "figures",
    "rules",
    "sections",
    "search",
    "nav",
    "dashboard",
    "demo_data",
    "exporters",
    "jobs",
    "removals",
    "citygen",
    "oversight",
    "publishable",
    "points",
    "proofing",
)


def autodiscover() -> None:
    """Import each registering module of every zhibu app (admin.autodiscover's shape). Called once
    from CoreConfig.ready(), when every app's models are loaded."""
    from django.apps import apps

    for config in apps.get_app_configs():
        if not config.name.startswith("zhibu."):
            continue
        for module in REGISTERING_MODULES:
            name = f"{config.name}.{module}"
            if find_spec(name) is not None:
                import_module(name)
