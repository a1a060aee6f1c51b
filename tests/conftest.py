"""Shared test configuration: Hypothesis settings profiles.

`default` is fast, for the edit-test loop. `ci` is thorough and derandomised; it is
loaded when the CI environment variable is set (as `.ci/run` does), or with
``HYPOTHESIS_PROFILE=ci``.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "default",
    max_examples=60,
    deadline=None,  # dateparser's first parse and propagation warm-up vary a lot in time
)
settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=20, deadline=None)

settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE")
    or ("ci" if os.environ.get("CI") else "default")
)
