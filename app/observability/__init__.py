"""Metrics (Prometheus) and structured logs. Mounted by app/main.py; knows no domain."""
