"""One signed DRS stop with bare httpx, as a script would send it: the CLI cold call's baseline.

    python bench/bare_signed_stop.py BASE_URL JOB_ID

Signs with SDK-HMAC-SHA256 inline (hashlib and hmac: what any script signing by hand imports),
sends the same headers and body as ``huaweicloud-jobs drs stop-job JOB_ID`` and prints the body.
Credentials come from HUAWEICLOUD_SDK_AK / _SK / _PROJECT_ID, as for the command line.
"""

import hashlib
import hmac
import json
import os
import sys
import time
from urllib.parse import urlsplit

import httpx


def main() -> int:
    base_url, job_id = sys.argv[1], sys.argv[2]
    ak, sk = os.environ["HUAWEICLOUD_SDK_AK"], os.environ["HUAWEICLOUD_SDK_SK"]
    project_id = os.environ["HUAWEICLOUD_SDK_PROJECT_ID"]
    path = f"/v5/{project_id}/jobs/{job_id}/stop"
    body = json.dumps({}).encode()
    date = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    host = urlsplit(base_url).netloc
    headers = {"content-type": "application/json", "host": host, "x-project-id": project_id, "x-sdk-date": date}
    names = sorted(headers)
    canonical = "\n".join(
        [
            "POST",
            path + "/",
            "",
            "".join(f"{name}:{headers[name]}\n" for name in names),
            ";".join(names),
            hashlib.sha256(body).hexdigest(),
        ]
    )
    to_sign = f"SDK-HMAC-SHA256\n{date}\n{hashlib.sha256(canonical.encode()).hexdigest()}"
    signature = hmac.new(sk.encode(), to_sign.encode(), hashlib.sha256).hexdigest()
    headers["authorization"] = f"SDK-HMAC-SHA256 Access={ak}, SignedHeaders={';'.join(names)}, Signature={signature}"
    response = httpx.post(base_url + path, content=body, headers=headers)
    response.raise_for_status()
    print(response.text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
