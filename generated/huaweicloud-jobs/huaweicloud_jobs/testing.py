"""An offline fake of the cloud for testing your stop-and-wait code: see ``huaweicloud_jobs_core.testing``.

Generated from templates/umbrella by ``nox -s generate``.
"""

from huaweicloud_jobs_core.testing import *  # noqa: F403
from huaweicloud_jobs_core.testing import __all__ as __all__
