"""Every concrete model of the zhibu apps has a factory in its app's tests/factories.py, and each
factory's defaults (parents included, through SubFactory) build rows that save and validate."""

from __future__ import annotations

import importlib
import inspect

import factory
import pytest
from django.apps import apps


def _zhibu_models():
    return [
        model
        for config in apps.get_app_configs()
        if config.name.startswith("zhibu.")
        for model in config.get_models()
        if not model._meta.abstract and not model._meta.proxy
    ]


def _factories_for(model) -> list[type[factory.django.DjangoModelFactory]]:
    config = apps.get_app_config(model._meta.app_label)
    module = importlib.import_module(f"{config.name}.tests.factories")
    return [
        item
        for _name, item in inspect.getmembers(module, inspect.isclass)
        if issubclass(item, factory.django.DjangoModelFactory)
        and item.__module__ == module.__name__
        and item._meta.model is model
    ]


MODELS = _zhibu_models()


def test_every_zhibu_app_with_models_is_covered():
    labels = {model._meta.app_label for model in MODELS}
    assert labels == {
        "core",
        "meetings",
        "study",
        "mentoring",
        "care",
        "service",
        "reports",
        "inspections",
        "bureau",
        "honours",
        "disclosure",
        "appraisal",
        "dues",
        "talks",
        "voice",
        "pledges",
        "awards",
        "surveys",
        "development",
        "people",
        "elections",
        "proofread",
    }


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
def test_model_has_a_factory(model):
    assert _factories_for(model), f"no factory for {model._meta.label} in its app's tests/factories.py"


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS, ids=lambda model: model._meta.label)
def test_factory_saves_valid_rows(model):
    for model_factory in _factories_for(model):
        first, second = model_factory(), model_factory()  # twice: sequences keep unique fields apart
        for row in (first, second):
            assert row.pk is not None and type(row) is model
            row.full_clean()
        assert model.objects.filter(pk__in=[first.pk, second.pk]).count() == 2
