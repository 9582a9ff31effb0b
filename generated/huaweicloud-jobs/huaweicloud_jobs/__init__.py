"""One entry point to every service: ``Cloud`` (sync) and ``AsyncCloud`` (asyncio).

Generated from templates/umbrella by ``nox -s generate``: one property per spec in
openapi/. Everything else is re-exported from ``huaweicloud_jobs_core``.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from huaweicloud_jobs_core import *  # noqa: F403
from huaweicloud_jobs_core import __all__ as _core_all
from huaweicloud_jobs_core import BaseAsyncCloud, BaseCloud

if TYPE_CHECKING:
    import huaweicloud_jobs_aom
    import huaweicloud_jobs_dli
    import huaweicloud_jobs_drs
    import huaweicloud_jobs_iam
    import huaweicloud_jobs_lakeformation


class Cloud(BaseCloud):
    """Synchronous clients, one per service, sharing credentials, project and settings."""

    @cached_property
    def aom(self) -> huaweicloud_jobs_aom.Service:
        """huaweicloud-jobs-aom 1.0.0"""
        import huaweicloud_jobs_aom  # noqa: PLC0415  (imported on first use: keeps `import huaweicloud_jobs` cheap)

        return huaweicloud_jobs_aom.Service(self._transport("huaweicloud_jobs_aom"))

    @cached_property
    def dli(self) -> huaweicloud_jobs_dli.Service:
        """huaweicloud-jobs-dli 1.0.0"""
        import huaweicloud_jobs_dli  # noqa: PLC0415  (imported on first use: keeps `import huaweicloud_jobs` cheap)

        return huaweicloud_jobs_dli.Service(self._transport("huaweicloud_jobs_dli"))

    @cached_property
    def drs(self) -> huaweicloud_jobs_drs.Service:
        """huaweicloud-jobs-drs 1.0.0"""
        import huaweicloud_jobs_drs  # noqa: PLC0415  (imported on first use: keeps `import huaweicloud_jobs` cheap)

        return huaweicloud_jobs_drs.Service(self._transport("huaweicloud_jobs_drs"))

    @cached_property
    def iam(self) -> huaweicloud_jobs_iam.Service:
        """huaweicloud-jobs-iam 1.0.0"""
        import huaweicloud_jobs_iam  # noqa: PLC0415  (imported on first use: keeps `import huaweicloud_jobs` cheap)

        return huaweicloud_jobs_iam.Service(self._transport("huaweicloud_jobs_iam"))

    @cached_property
    def lakeformation(self) -> huaweicloud_jobs_lakeformation.Service:
        """huaweicloud-jobs-lakeformation 1.0.0"""
        import huaweicloud_jobs_lakeformation  # noqa: PLC0415  (imported on first use: keeps `import huaweicloud_jobs` cheap)

        return huaweicloud_jobs_lakeformation.Service(self._transport("huaweicloud_jobs_lakeformation"))


class AsyncCloud(BaseAsyncCloud):
    """Asyncio clients, one per service, sharing credentials, project and settings."""

    @cached_property
    def aom(self) -> huaweicloud_jobs_aom.AsyncService:
        """huaweicloud-jobs-aom 1.0.0"""
        import huaweicloud_jobs_aom  # noqa: PLC0415

        return huaweicloud_jobs_aom.AsyncService(self._transport("huaweicloud_jobs_aom"))

    @cached_property
    def dli(self) -> huaweicloud_jobs_dli.AsyncService:
        """huaweicloud-jobs-dli 1.0.0"""
        import huaweicloud_jobs_dli  # noqa: PLC0415

        return huaweicloud_jobs_dli.AsyncService(self._transport("huaweicloud_jobs_dli"))

    @cached_property
    def drs(self) -> huaweicloud_jobs_drs.AsyncService:
        """huaweicloud-jobs-drs 1.0.0"""
        import huaweicloud_jobs_drs  # noqa: PLC0415

        return huaweicloud_jobs_drs.AsyncService(self._transport("huaweicloud_jobs_drs"))

    @cached_property
    def iam(self) -> huaweicloud_jobs_iam.AsyncService:
        """huaweicloud-jobs-iam 1.0.0"""
        import huaweicloud_jobs_iam  # noqa: PLC0415

        return huaweicloud_jobs_iam.AsyncService(self._transport("huaweicloud_jobs_iam"))

    @cached_property
    def lakeformation(self) -> huaweicloud_jobs_lakeformation.AsyncService:
        """huaweicloud-jobs-lakeformation 1.0.0"""
        import huaweicloud_jobs_lakeformation  # noqa: PLC0415

        return huaweicloud_jobs_lakeformation.AsyncService(self._transport("huaweicloud_jobs_lakeformation"))


SERVICES = (
    "aom",
    "dli",
    "drs",
    "iam",
    "lakeformation",
)

__all__ = [*_core_all, "SERVICES", "AsyncCloud", "Cloud"]
