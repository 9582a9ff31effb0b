"""``Cloud`` and ``AsyncCloud``: one property per spec in openapi/ (import them from ``huaweicloud_jobs``).

Generated from templates/umbrella by ``nox -s generate``.
"""

import functools as _functools
import typing as _typing

from huaweicloud_jobs_core.seam import BaseAsyncCloud as _BaseAsyncCloud
from huaweicloud_jobs_core.seam import BaseCloud as _BaseCloud

if _typing.TYPE_CHECKING:
    import huaweicloud_jobs_aom
    import huaweicloud_jobs_dli
    import huaweicloud_jobs_drs
    import huaweicloud_jobs_iam
    import huaweicloud_jobs_lakeformation


class Cloud(_BaseCloud):
    """Synchronous clients, one per service, sharing credentials, project and settings."""

    __module__ = "huaweicloud_jobs"  # where users import it from (reprs, docs, pickling)
    _SERVICE_NAMES = (
        "aom",
        "dli",
        "drs",
        "iam",
        "lakeformation",
    )
    _ID_TOKEN_EXCHANGE = ("huaweicloud_jobs_iam", "exchange_id_token")

    @_functools.cached_property
    def aom(self) -> "huaweicloud_jobs_aom.Service":
        """Application Operations Management (AOM) workflow execution control (huaweicloud-jobs-aom 1.2.0)."""
        import huaweicloud_jobs_aom  # on first use: keeps `import huaweicloud_jobs` cheap

        return huaweicloud_jobs_aom.Service(self._transport("huaweicloud_jobs_aom"))

    @_functools.cached_property
    def dli(self) -> "huaweicloud_jobs_dli.Service":
        """Data Lake Insight (DLI) Flink job control (huaweicloud-jobs-dli 1.2.0)."""
        import huaweicloud_jobs_dli  # on first use: keeps `import huaweicloud_jobs` cheap

        return huaweicloud_jobs_dli.Service(self._transport("huaweicloud_jobs_dli"))

    @_functools.cached_property
    def drs(self) -> "huaweicloud_jobs_drs.Service":
        """Data Replication Service (DRS) job control (huaweicloud-jobs-drs 1.2.0)."""
        import huaweicloud_jobs_drs  # on first use: keeps `import huaweicloud_jobs` cheap

        return huaweicloud_jobs_drs.Service(self._transport("huaweicloud_jobs_drs"))

    @_functools.cached_property
    def iam(self) -> "huaweicloud_jobs_iam.Service":
        """Identity and Access Management (IAM) token issuing (huaweicloud-jobs-iam 1.1.0)."""
        import huaweicloud_jobs_iam  # on first use: keeps `import huaweicloud_jobs` cheap

        return huaweicloud_jobs_iam.Service(self._transport("huaweicloud_jobs_iam"))

    @_functools.cached_property
    def lakeformation(self) -> "huaweicloud_jobs_lakeformation.Service":
        """LakeFormation job control (huaweicloud-jobs-lakeformation 1.1.1)."""
        import huaweicloud_jobs_lakeformation  # on first use: keeps `import huaweicloud_jobs` cheap

        return huaweicloud_jobs_lakeformation.Service(self._transport("huaweicloud_jobs_lakeformation"))


class AsyncCloud(_BaseAsyncCloud):
    """Asyncio clients, one per service, sharing credentials, project and settings."""

    __module__ = "huaweicloud_jobs"  # where users import it from (reprs, docs, pickling)
    _SERVICE_NAMES = (
        "aom",
        "dli",
        "drs",
        "iam",
        "lakeformation",
    )
    _ID_TOKEN_EXCHANGE = ("huaweicloud_jobs_iam", "exchange_id_token")

    @_functools.cached_property
    def aom(self) -> "huaweicloud_jobs_aom.AsyncService":
        """Application Operations Management (AOM) workflow execution control (huaweicloud-jobs-aom 1.2.0)."""
        import huaweicloud_jobs_aom

        return huaweicloud_jobs_aom.AsyncService(self._transport("huaweicloud_jobs_aom"))

    @_functools.cached_property
    def dli(self) -> "huaweicloud_jobs_dli.AsyncService":
        """Data Lake Insight (DLI) Flink job control (huaweicloud-jobs-dli 1.2.0)."""
        import huaweicloud_jobs_dli

        return huaweicloud_jobs_dli.AsyncService(self._transport("huaweicloud_jobs_dli"))

    @_functools.cached_property
    def drs(self) -> "huaweicloud_jobs_drs.AsyncService":
        """Data Replication Service (DRS) job control (huaweicloud-jobs-drs 1.2.0)."""
        import huaweicloud_jobs_drs

        return huaweicloud_jobs_drs.AsyncService(self._transport("huaweicloud_jobs_drs"))

    @_functools.cached_property
    def iam(self) -> "huaweicloud_jobs_iam.AsyncService":
        """Identity and Access Management (IAM) token issuing (huaweicloud-jobs-iam 1.1.0)."""
        import huaweicloud_jobs_iam

        return huaweicloud_jobs_iam.AsyncService(self._transport("huaweicloud_jobs_iam"))

    @_functools.cached_property
    def lakeformation(self) -> "huaweicloud_jobs_lakeformation.AsyncService":
        """LakeFormation job control (huaweicloud-jobs-lakeformation 1.1.1)."""
        import huaweicloud_jobs_lakeformation

        return huaweicloud_jobs_lakeformation.AsyncService(self._transport("huaweicloud_jobs_lakeformation"))
