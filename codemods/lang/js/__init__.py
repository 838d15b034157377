"""JS/TS: raw HTTP calls to v1 (fetch, axios, got, ky, node-fetch: ``raw_http``) and the v1 SDKs (``sdk``)."""
