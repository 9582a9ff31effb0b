"""The command line: ``huaweicloud-jobs <service> <operation> ...`` (or ``python -m huaweicloud_jobs``).

Generated from templates/umbrella by ``nox -s generate``. Nothing here names an operation: the
commands of a service come from the command table generated into its package (``commands.json``),
read by ``huaweicloud_jobs._cli`` when the service is named on the command line.
"""

import sys
import typing

from . import SERVICES
from ._cli import read_table, run

if typing.TYPE_CHECKING:
    from ._cloud import Cloud

SERVICE_HELP = {
    "aom": "Application Operations Management (AOM) workflow execution control (huaweicloud-jobs-aom 1.2.0)",
    "dli": "Data Lake Insight (DLI) Flink job control (huaweicloud-jobs-dli 1.2.0)",
    "drs": "Data Replication Service (DRS) job control (huaweicloud-jobs-drs 1.2.0)",
    "iam": "Identity and Access Management (IAM) token issuing (huaweicloud-jobs-iam 1.1.0)",
    "lakeformation": "LakeFormation job control (huaweicloud-jobs-lakeformation 1.1.1)",
}
"""One line of help per service, shown by ``huaweicloud-jobs --help`` without importing any service."""

PACKAGES = {
    "aom": "huaweicloud_jobs_aom",
    "dli": "huaweicloud_jobs_dli",
    "drs": "huaweicloud_jobs_drs",
    "iam": "huaweicloud_jobs_iam",
    "lakeformation": "huaweicloud_jobs_lakeformation",
}
"""The package of each service, whose command table (``commands.json``) its commands come from."""


def _load_table(service: str) -> dict[str, object]:
    return read_table(PACKAGES[service])


def _cloud() -> "type[Cloud]":
    from . import Cloud

    return Cloud


def main(argv: list[str] | None = None) -> int:
    """Run one command and return its exit code (see ``huaweicloud-jobs --help``)."""
    help_lines = {name: SERVICE_HELP[name] for name in SERVICES}
    arguments = sys.argv[1:] if argv is None else argv
    return run(arguments, services=help_lines, load_cloud=_cloud, load_table=_load_table)


if __name__ == "__main__":
    sys.exit(main())
