"""The module users import the runtime's public classes from, named as their home.

Users import ``huaweicloud_jobs`` (the umbrella re-exports every public name of the runtime), so each
class the public surface holds says so in ``__module__``, as httpx does for its own classes: reprs,
tracebacks, the documentation and pickling name ``huaweicloud_jobs.NotFoundError``, not the private
module that defines it. Unpickling imports ``huaweicloud_jobs``, the distribution users install.

A class's string annotations are resolved in its defining module; ``typing.get_type_hints`` on one of
these classes needs ``localns`` or ``globalns`` from there (``vars(sys.modules[...])``), as with httpx.
"""

PUBLIC_MODULE = "huaweicloud_jobs"


def publish(*classes: type) -> None:
    """Name :data:`PUBLIC_MODULE` as the module of each class (called once, after the classes are defined)."""
    for cls in classes:
        cls.__module__ = PUBLIC_MODULE
