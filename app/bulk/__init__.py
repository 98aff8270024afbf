"""Batch ingest: many articles per request or per CLI run, extracted in worker processes and stored
several articles per transaction."""
