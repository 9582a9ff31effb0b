"""The data models of the inputs and outputs; each model's module is imported on first use.

A service's API imports only the models its operations build or return, and a model imports the
ones nested in it when it parses them: a large response tree costs nothing until it is read.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .error_response import ErrorResponse

_MODULES = {
    "ErrorResponse": ".error_response",
}
__all__ = ("ErrorResponse",)


def __getattr__(name: str) -> object:
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_MODULES[name], __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
