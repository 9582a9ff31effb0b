"""A private CA and a server certificate for 127.0.0.1, made with the openssl command line.

For real TLS servers on loopback (tests/test_private_ca.py, the documentation's examples). Callers
skip when the ``openssl`` command is missing (:data:`HAVE_OPENSSL`).
"""

from __future__ import annotations

import shutil
import ssl
import subprocess
from pathlib import Path

HAVE_OPENSSL = shutil.which("openssl") is not None


def openssl(*arguments: str, cwd: Path) -> None:
    subprocess.run(["openssl", *arguments], cwd=cwd, check=True, capture_output=True)


def make_certificates(folder: Path) -> Path:
    """``ca.pem`` and ``server.pem`` / ``server.key`` (for IP 127.0.0.1) in ``folder``; returns ``folder``."""
    # The extensions a strict verifier asks for (Python 3.13 sets VERIFY_X509_STRICT by default).
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
            "-days", "2", "-subj", "/CN=huaweicloud-jobs test CA",
            "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            "-addext", "subjectKeyIdentifier=hash", cwd=folder)  # fmt: skip
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
            "-subj", "/CN=127.0.0.1", cwd=folder)  # fmt: skip
    (folder / "san.ext").write_text(
        "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
        "extendedKeyUsage=serverAuth\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid,issuer\n"
    )
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "server.pem", "-days", "2", "-extfile", "san.ext", cwd=folder)  # fmt: skip
    return folder


def server_context(folder: Path) -> ssl.SSLContext:
    """A server-side context holding the certificate :func:`make_certificates` made in ``folder``."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(folder / "server.pem", folder / "server.key")
    return context
