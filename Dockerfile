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
RUN /opt/venv/bin/pip install --no-deps .

FROM python:3.11.7-slim-bookworm AS runtime
RUN useradd --create-home --uid 10001 app
WORKDIR /srv
COPY --from=build /opt/venv /opt/venv
COPY alembic.ini ./
COPY migrations ./migrations
COPY app ./app
ENV PATH=/opt/venv/bin:$PATH PYTHONUNBUFFERED=1
USER app
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 \
  CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/readyz').status == 200 else 1)"
# migrations are applied on start, then the API is served
CMD ["sh", "-c", "python -m app migrate && uvicorn app.main:app --host 0.0.0.0 --port 8000 --workers ${WEB_CONCURRENCY:-2}"]
