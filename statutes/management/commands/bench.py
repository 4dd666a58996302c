"""Benchmark the production server against the floor (/healthz) and Datasette over the same data."""

import json
import os
import secrets
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from statutes import loadgen
from statutes.models import Jurisdiction, Prong

WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format('{"requests": %d, "errors": %d, "seconds": %f, "p50": %f, "p95": %f, "p99": %f}\\n',
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise CommandError(f"{url} did not come up")


def datasette_export(path):
    """The prongs table, flattened, as its own SQLite file for Datasette."""
    rows = Prong.objects.select_related("offense__jurisdiction").values_list(
        "slug",
        "offense__jurisdiction__code",
        "offense__slug",
        "pinpoint",
        "mens_rea_level",
        "repetition",
        "threat_element",
        "effect_standard",
        "status",
    )
    db = sqlite3.connect(path)
    db.execute(
        "CREATE TABLE prongs (slug TEXT PRIMARY KEY, jurisdiction TEXT, offense TEXT, pinpoint TEXT, mens_rea_level TEXT, "
        "repetition TEXT, threat_element TEXT, effect_standard TEXT, status TEXT)"
    )
    db.executemany("INSERT INTO prongs VALUES (?,?,?,?,?,?,?,?,?)", list(rows))
    db.execute("CREATE INDEX prongs_filter ON prongs (jurisdiction, mens_rea_level)")
    db.commit()
    db.close()


class Command(BaseCommand):
    help = "Measure requests/s and p50/p95/p99 of key endpoints on gunicorn (2 workers, DEBUG off), against /healthz and Datasette."

    def add_arguments(self, parser):
        parser.add_argument("--quick", action="store_true", help="A few seconds, for CI.")
        parser.add_argument("--json", dest="json_path", help="Also write the figures as JSON to this file.")
        parser.add_argument(
            "--seconds",
            type=float,
            default=None,
            help="Seconds per round and endpoint (wrk) or in all (Python client).",
        )
        parser.add_argument("--connections", type=int, default=8)
        parser.add_argument("--client", choices=["auto", "wrk", "python"], default="auto")
        parser.add_argument("--no-datasette", action="store_true")
        parser.add_argument(
            "--paginated",
            action="store_true",
            help="Only /healthz and the paginated endpoints (the 100x scale runs, where whole-dataset pages are not meant to stay flat).",
        )
        parser.add_argument(
            "--cold", action="store_true", help="Send Cache-Control: no-cache, to measure the uncached path."
        )
        parser.add_argument(
            "--baseline", help="A JSON file from an earlier run (e.g. at today's size): print how each figure grew."
        )
        parser.add_argument(
            "--load",
            action="store_true",
            help="Instead: a bounded load test (wrk, 64 connections for 30 s over a mix of endpoints); reports errors and p99.",
        )

    def handle(
        self,
        *args,
        quick,
        json_path,
        seconds,
        connections,
        client,
        no_datasette,
        load,
        baseline=None,
        cold=False,
        paginated=False,
        **options,
    ):
        self.headers = ["-H", "Cache-Control: no-cache"] if cold else []
        if not Jurisdiction.objects.exists():
            raise CommandError("No data loaded: run load_statutes first.")
        code = (
            Prong.objects.values_list("offense__jurisdiction__code", flat=True)
            .order_by("offense__jurisdiction__code")
            .first()
        )
        use_wrk = client == "wrk" or (client == "auto" and shutil.which("wrk"))
        seconds = seconds or (1.0 if quick else 5.0)
        rounds = 1 if quick else 3
        tmp = Path(tempfile.mkdtemp(prefix="bench-"))
        processes = []
        try:
            port = free_port()
            env = {
                **os.environ,
                "DJANGO_DEBUG": "0",
                "DJANGO_SECRET_KEY": secrets.token_urlsafe(48),
                "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
                "DJANGO_HTTPS": "0",
                "ANON_REQUESTS_PER_MINUTE": "0",
                "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{settings.DATABASES['default']['NAME']}"),
            }
            subprocess.run(
                [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
                cwd=settings.BASE_DIR,
                env=env,
                check=True,
            )
            gunicorn = shutil.which("gunicorn") or str(Path(sys.executable).with_name("gunicorn"))
            processes.append(
                subprocess.Popen(
                    [gunicorn, "project.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}", "--log-level", "warning"],
                    cwd=settings.BASE_DIR,
                    env=env,
                )
            )
            base = f"http://127.0.0.1:{port}"
            wait_for(base + "/healthz")
            targets = {
                "/healthz": base + "/healthz",
                f"/api/v1/jurisdictions/{code.lower()}/": f"{base}/api/v1/jurisdictions/{code.lower()}/",
                "/api/v1/prongs/ (2 filters)": f"{base}/api/v1/prongs/?jurisdiction=NY&mens_rea_level=purpose_intent",
                "/compare/ (all)": base + "/compare/",
                f"/jurisdictions/{code.lower()}/": f"{base}/jurisdictions/{code.lower()}/",
                "/api/v1/eligibility/": f"{base}/api/v1/eligibility/?jurisdiction=NY&offense=ny-penal-240.26",
                "/search/?q=": f"{base}/search/?q=harass",
            }
            if paginated:
                targets = {
                    "/healthz": base + "/healthz",
                    "/api/v1/prongs/ (2 filters)": targets["/api/v1/prongs/ (2 filters)"],
                    "/api/v1/offenses/?jurisdiction=NY": f"{base}/api/v1/offenses/?jurisdiction=NY",
                    "/api/v1/decisions/": f"{base}/api/v1/decisions/",
                    "/api/v1/diversion-programs/?jurisdiction=CA": f"{base}/api/v1/diversion-programs/?jurisdiction=CA",
                    "/search/?q=": targets["/search/?q="],
                }
            datasette = shutil.which("datasette") or str(Path(sys.executable).with_name("datasette"))
            if not (no_datasette or load) and Path(datasette).exists():
                export = tmp / "harassment.db"
                datasette_export(export)
                dport = free_port()
                processes.append(
                    subprocess.Popen(
                        [
                            datasette,
                            "serve",
                            str(export),
                            "-p",
                            str(dport),
                            "-h",
                            "127.0.0.1",
                            "--setting",
                            "num_sql_threads",
                            "2",
                        ],
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL,
                    )
                )
                wait_for(f"http://127.0.0.1:{dport}/-/versions.json")
                targets["datasette prongs.json (2 filters)"] = (
                    f"http://127.0.0.1:{dport}/harassment/prongs.json?jurisdiction=NY&mens_rea_level=purpose_intent&_shape=objects"
                )
            for url in targets.values():  # warm caches, check every target answers
                with urllib.request.urlopen(url, timeout=30) as response:
                    assert response.status == 200, url
            if load:
                return self.load_test(targets, tmp, seconds=10 if quick else 30, json_path=json_path)
            results = (
                self.run_wrk(targets, seconds, connections, rounds, tmp)
                if use_wrk
                else loadgen.run(targets, seconds=seconds * len(targets), connections=connections)
            )
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
            shutil.rmtree(tmp, ignore_errors=True)
        self.report(results, use_wrk, connections, json_path)
        if baseline:
            before = json.loads(Path(baseline).read_text())["results"]
            self.stdout.write("\ngrowth against the baseline (this run ÷ baseline):")
            self.stdout.write(f"{'endpoint':42} {'p50':>7} {'p95':>7} {'req/s':>7}")
            for name, r in results.items():
                if name in before:
                    b = before[name]
                    self.stdout.write(
                        f"{name:42} {r['p50'] / b['p50']:>7.2f} {r['p95'] / b['p95']:>7.2f} {r['rps'] / b['rps']:>7.2f}"
                    )

    def run_wrk(self, targets, seconds, connections, rounds, tmp):
        script = tmp / "report.lua"
        script.write_text(WRK_SCRIPT)
        samples = {name: [] for name in targets}
        for _ in range(rounds):  # interleave: every endpoint once per round
            for name, url in targets.items():
                out = subprocess.run(
                    [
                        "wrk",
                        "-t",
                        "2",
                        "-c",
                        str(connections),
                        "-d",
                        f"{max(1, round(seconds))}s",
                        *self.headers,
                        "-s",
                        str(script),
                        url,
                    ],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
                samples[name].append(json.loads(out.strip().splitlines()[-1]))
        results = {}
        for name, runs in samples.items():
            total = sum(r["requests"] for r in runs)
            duration = sum(r["seconds"] for r in runs)
            results[name] = {
                "requests": total,
                "errors": sum(r["errors"] for r in runs),
                "rps": round(total / duration, 1),
                **{q: sorted(r[q] for r in runs)[len(runs) // 2] for q in ("p50", "p95", "p99")},
            }
        return results

    def load_test(self, targets, tmp, *, seconds, json_path):
        """64 connections on loopback for a bounded time, rotating through every endpoint of the site."""
        if not shutil.which("wrk"):
            raise CommandError("The load test needs wrk (apt-get install wrk).")
        paths = [url.split("/", 3)[3] for name, url in targets.items() if not name.startswith("datasette")]
        base = next(iter(targets.values())).rsplit("/healthz", 1)[0]
        script = tmp / "mix.lua"
        script.write_text(
            "paths = {" + ",".join(json.dumps("/" + p) for p in paths) + "}\n"
            "i = 0\nrequest = function()\n  i = i + 1\n  return wrk.format('GET', paths[(i % #paths) + 1])\nend\n"
            "response = function(status, headers, body)\n  if status ~= 200 then bad = (bad or 0) + 1 end\nend\n"
            + WRK_SCRIPT
        )
        out = subprocess.run(
            ["wrk", "-t", "2", "-c", "64", "-d", f"{seconds}s", "--timeout", "10s", "-s", str(script), base + "/"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        result = json.loads(out.strip().splitlines()[-1])
        result.update(
            connections=64, seconds=seconds, rps=round(result["requests"] / result["seconds"], 1), paths=paths
        )
        self.stdout.write(
            f"load test: 64 connections, {seconds} s, {result['requests']} requests ({result['rps']} req/s), "
            f"errors {result['errors']}, p50 {result['p50']:.2f} ms, p95 {result['p95']:.2f} ms, p99 {result['p99']:.2f} ms"
        )
        if json_path:
            Path(json_path).write_text(json.dumps(result, indent=2))
        if result["errors"]:
            raise CommandError(f"{result['errors']} errors under load")

    def report(self, results, use_wrk, connections, json_path):
        floor = results["/healthz"]["p50"]
        peer = next((v["p50"] for k, v in results.items() if k.startswith("datasette")), None)
        lines = [
            f"client: {'wrk' if use_wrk else 'python'} · {connections} connections · gunicorn 2 workers · DJANGO_DEBUG=0",
            "",
        ]
        lines.append(
            f"{'endpoint':42} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'×floor':>7} {'×datasette':>10} {'errors':>6}"
        )
        for name, r in results.items():
            ratio_floor = r["p50"] / floor if floor else None
            ratio_peer = r["p50"] / peer if peer else None
            r["x_floor"] = round(ratio_floor, 2) if ratio_floor else None
            r["x_datasette"] = round(ratio_peer, 2) if ratio_peer else None
            lines.append(
                f"{name:42} {r['rps']:>9.1f} {r['p50']:>8.2f} {r['p95']:>8.2f} {r['p99']:>8.2f} "
                f"{(ratio_floor or 0):>7.2f} {(ratio_peer or 0):>10.2f} {r['errors']:>6}"
            )
        self.stdout.write("\n".join(lines))
        if json_path:
            Path(json_path).write_text(
                json.dumps(
                    {"client": "wrk" if use_wrk else "python", "connections": connections, "results": results}, indent=2
                )
            )
