"""``prelude-migrate proxy``: a v1 -> v2 HTTP proxy for v1 code in any language (docs/proxy.md).

Settings reach the uvicorn workers through the environment: the v2 key stays in ``API_TOKEN``,
the client keys in ``PRELUDE_COMPAT_CLIENT_KEYS``, the rest as JSON in ``PRELUDE_COMPAT_PROXY``.
"""
from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from typing import Any, Optional, Tuple

import click

from compat.knowledge.config_names import V2_BASE_URL_ENV
from compat.knowledge.hosts import V2_ORIGIN
from migrate.servers.common import serve
from migrate.servers.proxy_auth import CLIENT_KEYS_ENV, keys_from
from migrate.servers.proxy_metrics import MULTIPROC_ENV

_SETTINGS_ENV = "PRELUDE_COMPAT_PROXY"


def app_from_environment() -> Any:
    """The uvicorn factory, run in each worker."""
    from migrate.servers.proxy_app import ProxySettings, create_app

    extra = json.loads(os.environ.get(_SETTINGS_ENV, "{}"))
    settings = ProxySettings(client_keys=keys_from(os.environ.get(CLIENT_KEYS_ENV)), **extra)
    return create_app(settings)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port; the ready line tells which).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes (sealed ids work across them; add --redis-url for the store).")
@click.option("--client-key", "client_keys", multiple=True, metavar="KEY",
              help=f"A key callers may send as X-API-Key (repeatable; also {CLIENT_KEYS_ENV}, comma-separated).")
@click.option("--insecure-no-client-auth", is_flag=True,
              help="Serve callers without checking their key (anyone who reaches the port spends your v2 credit).")
@click.option("--redis-url", default=None, metavar="URL",
              help="Keep status history, retry replay and already_validated in Redis (compat.RedisStore).")
@click.option("--v2-timeout", default=15.0, show_default=True, type=click.FloatRange(0.1, 300),
              help="Seconds to wait for one v2 answer (then a v1 504, never a re-send).")
@click.option("--max-body-bytes", default=64 * 1024, show_default=True, type=click.IntRange(1),
              help="Refuse larger request bodies (413).")
@click.option("--graceful-seconds", default=20, show_default=True, type=click.IntRange(0, 600),
              help="On SIGTERM, let in-flight requests finish for this long.")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
@click.option("--no-access-log", is_flag=True, help="Do not log each request.")
def proxy(host: str, port: int, workers: int, client_keys: Tuple[str, ...], insecure_no_client_auth: bool,
          redis_url: Optional[str], v2_timeout: float, max_body_bytes: int, graceful_seconds: int, log_level: str,
          no_access_log: bool) -> None:
    """Serve the v1 API (/v1/*) and the legacy api.ding.live /v2/* paths from the v2 API.

    \b
    The v2 key comes from API_TOKEN, another v2 origin from PRELUDE_BASE_URL. Callers send one of
    the client keys as X-API-Key; point their v1 base URL at http://HOST:PORT/v1.
    GET /healthz (no v2 call) and GET /metrics (Prometheus) are served too.
    """
    from compat.engine import CompatConfigError, v2_key

    try:
        v2_key(None)
    except CompatConfigError as error:
        raise click.UsageError(str(error)) from None
    keys = keys_from(os.environ.get(CLIENT_KEYS_ENV)) + tuple(k for k in client_keys if k.strip())
    if not keys and not insecure_no_client_auth:
        raise click.UsageError(
            f"no client key: pass --client-key or set {CLIENT_KEYS_ENV}, so that only your callers "
            "can spend your v2 credit (or --insecure-no-client-auth to accept anyone)")
    if any("," in key for key in client_keys):
        raise click.UsageError("a --client-key cannot contain a comma")
    os.environ[CLIENT_KEYS_ENV] = ",".join(keys)
    extra = {"insecure_no_client_auth": insecure_no_client_auth, "redis_url": redis_url,
             "v2_timeout": v2_timeout, "max_body_bytes": max_body_bytes}
    os.environ[_SETTINGS_ENV] = json.dumps(extra)
    if redis_url:
        _check_redis_store()
    if workers > 1 and not os.environ.get(MULTIPROC_ENV):
        metrics_dir = tempfile.mkdtemp(prefix="prelude-proxy-metrics-")
        atexit.register(shutil.rmtree, metrics_dir, True)
        os.environ[MULTIPROC_ENV] = metrics_dir
    base = os.environ.get(V2_BASE_URL_ENV)
    click.echo(f"prelude-migrate proxy: v2 origin {base or V2_ORIGIN + ' (default)'}; "
               f"{len(keys)} client key(s){'; NO CLIENT AUTH' if insecure_no_client_auth else ''}", err=True)
    serve("migrate.servers.proxy:app_from_environment", name="prelude-migrate proxy", host=host, port=port,
          workers=workers, graceful_seconds=graceful_seconds, log_level=log_level, access_log=not no_access_log)


def _check_redis_store() -> None:
    import compat

    if not hasattr(compat, "RedisStore"):
        raise click.UsageError("--redis-url needs compat.RedisStore, which this installation lacks")

