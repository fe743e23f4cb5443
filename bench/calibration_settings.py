"""The real settings with the benchmark's reference views added (see bench/calibration.py)."""

from soc.settings import *  # noqa: F403

ROOT_URLCONF = "bench.calibration"
