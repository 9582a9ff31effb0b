"""Contains all the data models used in inputs/outputs"""

from .error_response import ErrorResponse

__all__ = ("ErrorResponse",)
