# prelude-migrate's servers in a container: the v1 -> v2 proxy by default (docs/proxy.md), or the
# test sandbox with `docker run IMAGE sandbox --host 0.0.0.0 --port 4010` (docs/sandbox.md).
FROM python:3.11-slim

WORKDIR /app
COPY pyproject.toml README.md ./
COPY compat ./compat
COPY codemods ./codemods
COPY migrate ./migrate
RUN pip install --no-cache-dir '.[server]' \
    && useradd --system --no-create-home prelude
USER prelude

EXPOSE 8080
STOPSIGNAL SIGTERM
ENTRYPOINT ["prelude-migrate"]
CMD ["proxy", "--host", "0.0.0.0", "--port", "8080"]
