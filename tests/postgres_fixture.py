"""A throwaway PostgreSQL + PostGIS cluster for tests, from Debian's binaries.

The cluster is made with /usr/lib/postgresql/*/bin (initdb, pg_ctl) in a temporary folder on a free
loopback port, run as the `postgres` user when the tests run as root, and removed afterwards. Tests
that need it skip, saying why, only where the binaries or PostGIS are not installed. Conftests use it
with `from postgres_fixture import postgres_cluster, postgres_url`.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

INSTALL_HINT = "apt-get install postgresql postgresql-15-postgis-3 (or run .ci/install-system-deps.sh)"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _postgres_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[4]))
    return Path(found[-1]).parent if found else None


class Cluster:
    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="marsad-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                pytest.skip("running as root and there is no 'postgres' user to run PostgreSQL as")
            shutil.chown(self.root, "postgres", "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]

    def run(self, *args: str) -> None:
        result = subprocess.run([*self.as_user, *args], capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            log = (self.root / "log").read_text() if (self.root / "log").exists() else ""
            raise RuntimeError(f"{' '.join(args[:2])} failed: {result.stderr.strip()} {log[-2000:]}")

    def start(self) -> None:
        self.run(str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust",
                 "-E", "UTF8", "--no-sync", "--no-instructions")
        options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
                   " -c synchronous_commit=off -c full_page_writes=off")
        self.run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"),
                 "-o", options, "-w", "-t", "60", "start")

    def stop(self) -> None:
        try:
            self.run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}"


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    bindir = _postgres_bin()
    if bindir is None:
        pytest.skip(f"PostgreSQL binaries are absent (/usr/lib/postgresql/*/bin/initdb); {INSTALL_HINT}")
    version = bindir.parts[4]
    if not Path(f"/usr/share/postgresql/{version}/extension/postgis.control").exists():
        pytest.skip(f"PostGIS for PostgreSQL {version} is absent; {INSTALL_HINT}")
    cluster = Cluster(bindir)
    cluster.start()
    try:
        yield cluster
    finally:
        cluster.stop()


_numbers = itertools.count()


@pytest.fixture
def postgres_url(postgres_cluster: Cluster) -> Iterator[str]:
    """A fresh, empty database in the throwaway cluster."""
    import psycopg

    name = f"marsad_test_{os.getpid()}_{next(_numbers)}"
    with psycopg.connect(f"{postgres_cluster.url}/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield f"{postgres_cluster.url}/{name}"
    with psycopg.connect(f"{postgres_cluster.url}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
