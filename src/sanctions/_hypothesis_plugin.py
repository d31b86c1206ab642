"""Register the `sanctions` models with hypothesis, so ``st.from_type(Measure)`` just works.

hypothesis calls every hook in the ``"hypothesis"`` entry-point group when it is imported
(``pyproject.toml``: ``[project.entry-points.hypothesis]``). This hook registers one strategy
per model, so a downstream suite gets valid models without importing `sanctions.strategies`::

    import hypothesis.strategies as st
    from hypothesis import given

    import sanctions

    @given(st.from_type(sanctions.Measure))
    def test_round_trip(measure: sanctions.Measure) -> None:
        assert sanctions.Measure.model_validate_json(measure.model_dump_json()) == measure

Each registration is a function that imports `sanctions.strategies` when hypothesis first
resolves the type, not when the hook runs. Importing it in the hook itself would break
``import sanctions.strategies`` in a fresh interpreter: that import imports hypothesis, which
calls this hook while `sanctions.strategies` is still half-initialised. Deferring also keeps
``import hypothesis`` cheap for suites that never ask for a `sanctions` type.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel

if TYPE_CHECKING:
    # Not imported at run time: importing hypothesis runs this module's hook, so a top-level
    # import would leave this module half-initialised when it is the first to be imported.
    import hypothesis.strategies as st

__all__: list[str] = []

ModelT = TypeVar("ModelT", bound=BaseModel)


def _register(model: type[ModelT], name: str) -> None:
    """Register ``sanctions.strategies.<name>()`` for ``model``, resolved on first use."""
    import hypothesis.strategies as st

    def resolve(_: type[ModelT]) -> st.SearchStrategy[ModelT]:
        from sanctions import strategies

        strategy: st.SearchStrategy[ModelT] = getattr(strategies, name)()
        return strategy

    st.register_type_strategy(model, resolve)


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every public model (hypothesis calls this when imported)."""
    from .model import Evidence, Issuer, Measure, MeasureRef, Sanction, Target

    _register(Issuer, "issuers")
    _register(Target, "targets")
    _register(Evidence, "evidence")
    _register(MeasureRef, "measure_refs")
    _register(Measure, "measures")
    _register(Sanction, "sanctions")
