"""``dyad serve`` starts the real server and says where; ``dyad bench --api`` times it."""

from __future__ import annotations

import subprocess
import sys

import httpx
from click.testing import CliRunner

from dyad import cli


def test_serve_starts_uvicorn_on_the_store_and_prints_its_address(tmp_path):
    db = f"sqlite:///{tmp_path / 'served.db'}"
    process = subprocess.Popen([sys.executable, "-c", "from dyad.cli import main; main()", "serve", "--db", db, "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        line = process.stdout.readline()
        assert line.startswith(f"dyad: serving {db} at http://127.0.0.1:"), (line, process.poll())
        url = line.split(" at ", 1)[1].split()[0]
        health = httpx.get(f"{url}/health", timeout=30)
        assert health.status_code == 200 and health.json()["store"] == {"documents": 0, "events": 0, "mentions": 0}
        assert health.headers["x-content-type-options"] == "nosniff"
    finally:
        process.terminate()
        process.wait(30)
        process.stdout.close()
        process.stderr.close()


def test_serve_on_a_port_taken_is_a_clear_error(tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-c", "from dyad.cli import main; main()", "serve", "--db",
                                 f"sqlite:///{tmp_path / 's.db'}", "--port", str(port)],
                                capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 2 and f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr


def test_bench_api_fills_a_store_serves_it_and_prints_percentiles_per_route(tmp_path):
    result = CliRunner().invoke(cli.cli, ["bench", "--api", "--events", "2000", "--db", f"sqlite:///{tmp_path / 'b.db'}"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "2,000 events" in lines[0] and "4 client threads" in lines[1]
    for route in ("/events", "/timeline"):
        (line,) = [x for x in lines if x.startswith(route + " ")]
        assert "p50" in line and "p95" in line and "requests/s" in line and "failed" not in line
