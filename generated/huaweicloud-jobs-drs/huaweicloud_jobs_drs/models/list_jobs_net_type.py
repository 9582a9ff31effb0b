from typing import Literal

ListJobsNetType = Literal["eip", "vpc", "vpn"]

LIST_JOBS_NET_TYPE_VALUES: set[ListJobsNetType] = {
    "eip",
    "vpc",
    "vpn",
}


def check_list_jobs_net_type(value: str) -> ListJobsNetType:
    if value in LIST_JOBS_NET_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {LIST_JOBS_NET_TYPE_VALUES!r}")
