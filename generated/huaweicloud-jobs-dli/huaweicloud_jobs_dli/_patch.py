"""Handwritten code for this service: none (overrides/<package>/_patch.py would replace this)."""

__all__: list[str] = []
