"""The runtime's version: the one source (pyproject.toml reads it; generated packages pin against it)."""

__version__ = "0.2.0"
