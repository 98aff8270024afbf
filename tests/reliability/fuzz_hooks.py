"""Schemathesis hooks for tests/reliability/test_fuzz.py.

None are needed any more: the bugs they once stepped around (ids past BIGINT, CSV exports with a bad
cursor, undocumented NDJSON) are fixed and fuzzed like everything else. The module stays as the
place for a hook when a new one is needed, and is named by SCHEMATHESIS_HOOKS in the test."""
