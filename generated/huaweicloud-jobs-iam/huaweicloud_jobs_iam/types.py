"""The types the models share, defined once in the runtime (huaweicloud_jobs_core.types)."""

from huaweicloud_jobs_core.types import UNSET, File, FileTypes, RequestFiles, Unset

__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Unset"]
