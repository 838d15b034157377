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


# --- documentation and examples (docs/codemods.md; tests/codemods/test_codemod_examples.py) ---
from codemods.core.examples import CodemodDocs, CodemodExample, NoOp  # noqa: E402

DOCS = CodemodDocs(
    title="Safe moves",
    summary="`api.ding.live/v2` -> `api.prelude.dev/v2` inside string literals and config values, and old "
            "documentation links (in literals and comments) -> their current pages.",
    what="In every language and config format, inside literal text only (string literals without their "
         "interpolations, config values; never code): `api.ding.live/v2` -> `api.prelude.dev/v2`, and old "
         "documentation links -> their current pages (in comments too).",
    why="The `/v2` paths are the same on both hosts (docs/api-changes.md): for them the host swap is the whole "
        "migration, in any language.",
    fix_safety="Safe: the replaced texts hold no quote, backslash or interpolation character, so editing the "
               "literal's source form is exact in every string syntax. `api.ding.live/v1` is never moved (its "
               "endpoints changed shape: it gets a TODO); look-alike hosts stay.",
    examples=(
        CodemodExample('''
            const u: string = `https://api.ding.live/v2/${path}`;
            const old = "https://api.ding.live/v1";
            ''', '''
            const u: string = `https://api.prelude.dev/v2/${path}`;
            // TODO(prelude-migration): api.ding.live/v1 was removed in April 2026 and this use could not be rewritten automatically: move it to https://api.prelude.dev/v2 (docs/api-changes.md)
            const old = "https://api.ding.live/v1";
            ''', language="typescript", path="urls.ts",
            note='The host moves inside a template literal; the v1 base is marked, not moved.'),
        CodemodExample('''
            export const Help = () => <a href="https://docs.prelude.so/api-reference/v2/errors">errors</a>;
            ''', '''
            export const Help = () => <a href="https://docs.prelude.so/introduction/errors">errors</a>;
            ''', language="tsx", path="help.tsx"),
        CodemodExample('''
            import live.ding.dingsdk.Ding

            val notify = "https://api.ding.live/v2/notify"
            ''', '''
            // TODO(prelude-migration): the v1 SDK (live.ding.dingsdk) is gone: move to so.prelude.sdk:prelude-java, client PreludeOkHttpClient.builder().apiToken(...).build() from so.prelude.sdk
            import live.ding.dingsdk.Ding

            val notify = "https://api.prelude.dev/v2/notify"
            ''', language="kotlin", path="Notify.kt"),
        CodemodExample('''
            using DingSDK;

            var sdk = new Ding(security: new Security() { APIKey = key });
            var notify = "https://api.ding.live/v2/notify";
            ''', '''
            // TODO(prelude-migration): the v1 SDK (DingSDK) is gone: move to PreludeSdk, client new PreludeClient { ApiToken = ... } from PreludeSdk
            using DingSDK;

            // TODO(prelude-migration): build new PreludeClient { ApiToken = ... } from PreludeSdk with a new v2 API key instead of this v1 client
            var sdk = new Ding(security: new Security() { APIKey = key });
            var notify = "https://api.prelude.dev/v2/notify";
            ''', language="csharp", path="Notify.cs"),
        CodemodExample('''
            env:
              - name: NOTIFY_URL
                value: https://api.ding.live/v2/notify
              - name: OTP_URL
                value: https://api.ding.live/v1/authentication
            ''', '''
            env:
              - name: NOTIFY_URL
                value: https://api.prelude.dev/v2/notify
              # TODO(prelude-migration): v1 create (POST /v1/authentication) is POST https://api.prelude.dev/v2/verification in v2, with a different body and Authorization: Bearer <v2 API key> (docs/api-changes.md)
              - name: OTP_URL
                value: https://api.ding.live/v1/authentication
            ''', language="yaml", path="deploy.yaml", note="The TODO goes above the list entry."),
        CodemodExample('''
            {"notify": "https://api.ding.live/v2/notify", "otp": "https://api.ding.live/v1/check"}
            ''', '''
            {"notify": "https://api.prelude.dev/v2/notify", "otp": "https://api.ding.live/v1/check"}
            ''', language="json", path="config.json",
            note='JSON has no comments: the v1 line is listed in the summary instead of marked.'),
    ),
    no_ops=(
        NoOp('''
            package otp

            // calls https://xapi.ding.live/v2 (not Prelude)
            var mirror = "https://mbktrading.live/v2/quotes"
            ''', 'Look-alike hosts (`xapi.ding.live`, `mbktrading.live`) are not moved.',
            language="go", path="mirror.go"),
    ),
)
