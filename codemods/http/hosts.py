"""``hosts``: move the deprecated ``api.ding.live/v2`` host to ``api.prelude.dev/v2`` and old
documentation links to their current pages.

The ``/v2`` paths are the same on both hosts (docs/api-changes.md, "Hosts, credentials and
headers"), so a host swap is the whole migration for them. ``api.ding.live/v1`` is left alone here: those endpoints changed shape, and
the ``raw-http`` codemod (or a human) must handle them. Bytes literals are never touched.
"""
from __future__ import annotations

import libcst as cst

from codemods.core.base import PlainCodemod
from codemods.http.urls import is_docs_link, replace_legacy_host, rewrite_docs_links
from compat.knowledge.hosts import LEGACY_V2_HOST_PREFIX, V2_HOST
from compat.knowledge.triggers import HOSTS_TRIGGERS


def _moved(text: str) -> str:
    text = replace_legacy_host(text)
    return rewrite_docs_links(text) if is_docs_link(text) else text


class HostsCodemod(PlainCodemod):
    NAME = "hosts"
    DESCRIPTION = f"{LEGACY_V2_HOST_PREFIX} -> {V2_HOST}/v2 in strings and f-strings; old docs links -> current pages."
    TRIGGERS = HOSTS_TRIGGERS

    def leave_SimpleString(self, original_node: cst.SimpleString, updated_node: cst.SimpleString) -> cst.SimpleString:
        if "b" in updated_node.prefix.lower():
            return updated_node
        # The replaced substrings contain no quote or backslash, so editing the source form of
        # the literal is exact whatever its quoting.
        new_value = _moved(updated_node.value)
        return updated_node if new_value == updated_node.value else updated_node.with_changes(value=new_value)

    def leave_FormattedStringText(
        self, original_node: cst.FormattedStringText, updated_node: cst.FormattedStringText
    ) -> cst.FormattedStringText:
        new_value = _moved(updated_node.value)
        return updated_node if new_value == updated_node.value else updated_node.with_changes(value=new_value)

    def leave_Comment(self, original_node: cst.Comment, updated_node: cst.Comment) -> cst.Comment:
        new_value = rewrite_docs_links(updated_node.value) if is_docs_link(updated_node.value) else updated_node.value
        return updated_node if new_value == updated_node.value else updated_node.with_changes(value=new_value)


# --- documentation and examples (docs/codemods.md; tests/codemods/test_codemod_examples.py) ---
from codemods.core.examples import CodemodDocs, CodemodExample, NoOp  # noqa: E402

DOCS = CodemodDocs(
    what="Moves `api.ding.live/v2` to `api.prelude.dev/v2` in `str` literals and f-string text, and old "
         "documentation links (strings and comments) to their current pages.",
    why="The `/v2` paths are the same on both hosts (docs/api-changes.md, \"Hosts, credentials and headers\"): "
        "for them the host swap is the whole migration.",
    fix_safety="Safe: same paths, same bodies. The match is anchored (look-alike hosts stay); `http://` becomes "
               "`https://`; a docs link moves only when its whole page is known. `api.ding.live/v1` (other "
               "endpoints) and bytes literals are left to the other codemods.",
    examples=(
        CodemodExample('''
            URL = "https://api.ding.live/v2/transactional"
            url = f"http://api.ding.live/v2/{path}"
            # errors: https://docs.prelude.so/api-reference/v2/errors
            ''', '''
            URL = "https://api.prelude.dev/v2/transactional"
            url = f"https://api.prelude.dev/v2/{path}"
            # errors: https://docs.prelude.so/introduction/errors
            '''),
    ),
    no_ops=(
        NoOp('''
            URL = b"https://api.ding.live/v2/transactional"
            OTHER = "https://mbktrading.live/v2/x"
            ''', "Bytes literals and look-alike hosts are not moved."),
    ),
)
