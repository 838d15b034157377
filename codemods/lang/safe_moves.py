"""The moves that are safe in every language: ``api.ding.live/v2`` -> ``api.prelude.dev/v2``
(same paths, api-mapping "Transactional") inside literal text, and old documentation links to
their current pages in literal text and comments.

The replaced texts contain no quote, backslash or interpolation character, so editing the
literal's source form is exact in every language's string syntax.
"""
from __future__ import annotations

from typing import List

from codemods.lang.edits import Edit
from codemods.lang.facts import is_docs_link, replace_legacy_host, rewrite_docs_links
from codemods.lang.syntax_tree import Tree
from compat.knowledge.hosts import V1_HOST as _HOST_TRIGGER


def safe_edits(tree: Tree) -> List[Edit]:
    source = tree.source
    edits: List[Edit] = []
    for start, end in tree.literals:
        text = source[start:end]
        new = replace_legacy_host(text) if _HOST_TRIGGER in text.lower() else text
        host_moved = new != text
        if is_docs_link(new):
            new = rewrite_docs_links(new)
        if new != text:
            edits.append(Edit(start, end, new, "host" if host_moved else "docs-link"))
    for start, end in tree.comments:
        text = source[start:end]
        if is_docs_link(text):
            new = rewrite_docs_links(text)
            if new != text:
                edits.append(Edit(start, end, new, "docs-link"))
    return edits
