"""The command line: ``huaweicloud-jobs <service> <operation> ...`` (or ``python -m huaweicloud_jobs``).

Generated from templates/umbrella by ``nox -s generate``. Nothing here names an operation: the
commands are the public methods of each service's generated ``Service`` class, read by
``huaweicloud_jobs._cli`` when the service is named on the command line.
"""

import sys
import typing

from . import SERVICES
from ._cli import run

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


def _cloud() -> "type[Cloud]":
    from . import Cloud

    return Cloud


def main(argv: list[str] | None = None) -> int:
    """Run one command and return its exit code (see ``huaweicloud-jobs --help``)."""
    help_lines = {name: SERVICE_HELP[name] for name in SERVICES}
    return run(sys.argv[1:] if argv is None else argv, services=help_lines, load_cloud=_cloud)


if __name__ == "__main__":
    sys.exit(main())
