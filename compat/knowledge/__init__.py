"""The knowledge layer: every fact about the Prelude (formerly Ding) v1 and v2 APIs that the
runtime adapter, the codemods and the scanner need, one topic per module. Nothing outside this
package spells an API fact (host, path, status, error code, field name, evidence token,
deadline, TODO sentence) as a literal; it imports it from here.

Modules: ``hosts`` (hosts, URLs, the one anchored v1-host pattern, v1 path -> operation,
legacy v2 host swap, auth headers), ``config_names`` (environment and config names),
``operations`` (endpoints and field moves), ``statuses``, ``errors`` (codes both ways and
``v1_error_for_v2``), ``enums`` (line types, device types, feedback, channels, delivery
statuses), ``docs_links``, ``packages`` (SDK distributions, import names, source tokens per
ecosystem), ``sdk_shapes`` (the v1 Python SDK's classes and attributes), ``deadlines`` (dates
and the one "how severe is this today" function), ``todos`` (the marker and sentences the
codemods write), ``triggers`` (byte tokens the pre-filters use).

Where the facts come from, in our own words with links to Prelude's public documentation:
``docs/reference/`` in the repository. Standard library only (``import compat`` stays light);
importing a topic module imports nothing else of the project.
"""
