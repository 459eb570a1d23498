"""The `world` fixture (a sector with seeded routes and handlers holding keys) for every intake
test module; it is defined beside the reporter-flow tests that introduced it."""

from tests.intake.test_reporter_flow import world  # noqa: F401
