"""The import contracts in pyproject.toml are written on packages: an I/O import planted in any
module of the pure extractor or time tagger, or in a module added to them later, breaks one."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import grimp
import pytest
from importlinter.application import use_cases
from importlinter.configuration import configure
from importlinter.domain.contract import registry

ROOT = Path(__file__).resolve().parents[1]
PURE_PACKAGES = ("tracker.extract", "tracker.timex")

configure()  # import-linter's default graph builder and timers


@pytest.fixture(scope="module")
def options() -> Any:
    use_cases._register_built_in_contract_types()
    return use_cases.read_user_options(str(ROOT / "pyproject.toml"))


@pytest.fixture(scope="module")
def graph(options: Any) -> grimp.ImportGraph:
    session = options.session_options
    return grimp.build_graph(
        *session["root_packages"], include_external_packages=True, cache_dir=None
    )


def broken(graph: grimp.ImportGraph, options: Any) -> list[str]:
    """Names of the configured contracts the graph breaks."""
    names = []
    for contract_options in options.contracts_options:
        cls = registry.get_contract_class(contract_options["type"])
        contract = cls(
            name=contract_options["name"],
            session_options=options.session_options,
            contract_options=contract_options,
        )
        if not contract.check(copy.deepcopy(graph), verbose=False).kept:
            names.append(contract_options["name"])
    return names


def pure_modules(graph: grimp.ImportGraph) -> list[str]:
    return sorted(m for pkg in PURE_PACKAGES for m in graph.find_descendants(pkg) | {pkg})


def test_the_code_as_it_is_keeps_every_contract(graph: Any, options: Any) -> None:
    assert broken(graph, options) == []


def test_the_pure_packages_are_covered_module_by_module(graph: Any) -> None:
    assert len(pure_modules(graph)) >= 20  # every module of both packages, found by walking


@pytest.mark.parametrize("package", PURE_PACKAGES)
def test_sqlalchemy_planted_anywhere_in_a_pure_package_breaks_a_contract(
    graph: Any, options: Any, package: str
) -> None:
    modules = [m for m in pure_modules(graph) if m == package or m.startswith(package + ".")]
    unguarded = []
    for module in modules:
        planted = copy.deepcopy(graph)
        planted.add_import(importer=module, imported="sqlalchemy")
        if "pure core has no I/O" not in broken(planted, options):
            unguarded.append(module)
    assert unguarded == []


def test_a_new_module_in_a_pure_package_is_covered_without_listing_it(
    graph: Any, options: Any
) -> None:
    planted = copy.deepcopy(graph)
    planted.add_module("tracker.extract.brand_new")
    planted.add_import(importer="tracker.extract.brand_new", imported="httpx")
    assert "pure core has no I/O" in broken(planted, options)


def test_the_bot_reaching_into_storage_breaks_a_contract(graph: Any, options: Any) -> None:
    planted = copy.deepcopy(graph)
    planted.add_import(importer="bot.app", imported="tracker.store.repository")
    assert "bot reaches data only through services" in broken(planted, options)


def test_an_upward_import_breaks_the_layers(graph: Any, options: Any) -> None:
    planted = copy.deepcopy(graph)
    planted.add_import(importer="tracker.timex.tagger", imported="tracker.extract.pipeline")
    assert any("layers" in name for name in broken(planted, options))
