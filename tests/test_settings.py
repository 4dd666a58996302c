"""Settings come from the environment; production refuses to start without a real secret key."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_check(**env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_development_defaults_just_work():
    assert run_check().returncode == 0


def test_production_refuses_to_start_without_a_secret_key():
    result = run_check(DJANGO_DEBUG="0", DJANGO_ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_starts_with_a_real_secret_key():
    result = run_check(
        DJANGO_DEBUG="0",
        DJANGO_ALLOWED_HOSTS="example.org",
        DJANGO_SECRET_KEY="k" * 20 + "-real-secret-for-tests-0123456789",
    )
    assert result.returncode == 0, result.stderr
