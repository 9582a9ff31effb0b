"""Contract tests against the Prism mock server (``nox -s contract``), plus the spec-driven call helpers."""
