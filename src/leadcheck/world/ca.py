"""The test world's certificate authority and the TLS contexts of its HTTPS server.

One :mod:`trustme` CA per world; its PEM is written to a temporary file so the code
under test can trust it through ``SSL_CERT_FILE``. Leaf certificates are issued
lazily, the first time a client asks for a host by SNI, and cached per
``(host, mode)``: ECDSA keys are cheap, but hundreds of sites add up.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import shutil
import ssl
import tempfile
import threading
from pathlib import Path
from typing import Literal, get_args

import trustme
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

TlsMode = Literal["valid", "expired", "self_signed", "wrong_host", "none"]
TLS_MODES: tuple[str, ...] = get_args(TlsMode)

#: The name a ``wrong_host`` certificate is issued for: a shared-hosting server's own name.
WRONG_HOST_NAME = "srv042.shared-hosting-cluster.net"


class WorldCA:
    """A test CA and a cache of server :class:`ssl.SSLContext` objects, one per host and mode."""

    def __init__(self, directory: Path | None = None) -> None:
        self._own_dir = directory is None
        self.directory = (
            Path(tempfile.mkdtemp(prefix="leadcheck-world-")) if directory is None else directory
        )
        self.directory.mkdir(parents=True, exist_ok=True)
        self.ca = trustme.CA(organization_name="leadcheck test world")
        self.ca_file = self.directory / "world-ca.pem"
        self.ca.cert_pem.write_to_path(str(self.ca_file))
        self._contexts: dict[tuple[str, str], ssl.SSLContext] = {}
        self._lock = threading.Lock()

    def context_for(self, host: str, mode: TlsMode) -> ssl.SSLContext | None:
        """The server context presenting ``host``'s certificate in ``mode`` (None for ``none``)."""
        if mode == "none":
            return None
        key = (host.lower(), mode)
        with self._lock:
            context = self._contexts.get(key)
            if context is None:
                context = self._build(key[0], mode)
                self._contexts[key] = context
            return context

    def default_context(self, identities: tuple[str, ...]) -> ssl.SSLContext:
        """The context used before SNI is seen, and for clients that send none."""
        context = _server_context()
        self.ca.issue_cert(*identities).configure_cert(context)
        return context

    def close(self) -> None:
        """Delete the temporary directory (the CA file with it) if this object made it."""
        if self._own_dir:
            shutil.rmtree(self.directory, ignore_errors=True)

    def _build(self, host: str, mode: TlsMode) -> ssl.SSLContext:
        context = _server_context()
        now = dt.datetime.now(dt.UTC)
        if mode == "valid":
            self.ca.issue_cert(host).configure_cert(context)
        elif mode == "expired":
            leaf = self.ca.issue_cert(
                host,
                not_before=now - dt.timedelta(days=400),
                not_after=now - dt.timedelta(days=12),
            )
            leaf.configure_cert(context)
        elif mode == "wrong_host":
            self.ca.issue_cert(WRONG_HOST_NAME).configure_cert(context)
        elif mode == "self_signed":
            path = self.directory / f"self-signed-{_safe(host)}.pem"
            path.write_bytes(_self_signed_pem(host, now))
            context.load_cert_chain(str(path))
        else:  # pragma: no cover - guarded by the Literal type
            raise ValueError(f"unknown TLS mode {mode!r}; use one of {TLS_MODES}")
        return context


def _server_context() -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.set_alpn_protocols(["http/1.1"])
    return context


def _safe(host: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-." else "_" for ch in host)


def _self_signed_pem(host: str, now: dt.datetime) -> bytes:
    """A certificate signed by its own key (not by the test CA), key and cert in one PEM."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, host),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Self-signed"),
        ]
    )
    try:
        san: x509.GeneralName = x509.IPAddress(ipaddress.ip_address(host))
    except ValueError:
        san = x509.DNSName(host)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .add_extension(x509.SubjectAlternativeName([san]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return key_pem + cert.public_bytes(serialization.Encoding.PEM)
