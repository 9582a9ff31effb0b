"""A private CA, as httpx users expect: ``verify="ca.pem"`` or ``SSL_CERT_FILE``; TLS verification stays on.

A CA and a server certificate for 127.0.0.1 are made with the openssl command line in a temporary
folder; a real TLS server answers on loopback.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from huaweicloud_jobs import Cloud, ConnectionFailedError, Credentials, InvalidParameterError, RetryPolicy

from loopback_tls import HAVE_OPENSSL, make_certificates, server_context

pytestmark = pytest.mark.skipif(not HAVE_OPENSSL, reason="the openssl command is not installed")
CREDENTIALS = Credentials(ak="AKTESTTESTTESTTEST00", sk="sk-test-secret", project_id="054ba152d480d55b2f5dc0069e7ddef0")


@pytest.fixture(scope="module")
def certificates(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_certificates(tmp_path_factory.mktemp("pki"))


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        body = json.dumps({"status": "success"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def tls_server(certificates: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.socket = server_context(certificates).wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"https://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def stop(url: str, **options: object) -> str:
    with Cloud(credentials=CREDENTIALS, endpoints={"drs": url}, retry=RetryPolicy.disabled(), **options) as cloud:  # type: ignore[arg-type]
        return str(cloud.drs.stop_job("job-1").status)


def test_a_server_signed_by_an_unknown_ca_is_refused(tls_server: str) -> None:
    with pytest.raises(ConnectionFailedError, match=r"CERTIFICATE_VERIFY_FAILED|certificate verify failed"):
        stop(tls_server)


def test_verify_names_the_private_ca(tls_server: str, certificates: Path) -> None:
    assert stop(tls_server, verify=str(certificates / "ca.pem")) == "success"


def test_ssl_cert_file_names_the_private_ca(
    tls_server: str, certificates: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(certificates / "ca.pem"))
    assert stop(tls_server) == "success"


def test_a_missing_ca_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InvalidParameterError, match="verify"):
        Cloud(credentials=CREDENTIALS, region="cn-north-4", verify=str(tmp_path / "missing.pem"))
