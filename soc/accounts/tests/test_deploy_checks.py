import os
import subprocess
import sys


def test_production_settings_pass_django_deploy_checks():
    env = {
        **os.environ,
        "SOC_ENV": "production",
        "SECRET_KEY": "x" * 30 + "-not-a-real-secret-but-long-enough-y7",
        "ALLOWED_HOSTS": "soc.example.org",
    }
    env.pop("DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-m", "soc", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**os.environ, "SOC_ENV": "production"}
    env.pop("SECRET_KEY", None)
    result = subprocess.run(
        [sys.executable, "-m", "soc", "check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr
