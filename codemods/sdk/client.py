"""``sdk-client``: ``Ding(api_key=K)`` / ``ding.Ding(K)`` / ``sdk.SDK(...)`` become
``Prelude(api_token=K, max_retries=0)`` (docs/codemods.md: v1 Python never retried).

Always leaves the TODO about the v2 key. ``server``/``server_idx``/``retry_config`` are dropped
(v1 never applied retry_config); a custom ``server_url`` becomes ``base_url`` under a TODO; a
``requests.Session`` passed as ``client=`` cannot be converted and gets a TODO. Runs before
``sdk-calls`` (which also recognises ``.otp.*`` calls left on a ``Prelude`` client).
"""
from __future__ import annotations

from typing import List

import libcst as cst

from codemods.core.import_requests import add_needed_import
from codemods.core.nodes import code, literal_string
from codemods.sdk.common import SdkCodemod
from codemods.sdk.model import IMPORT_TRIGGERS, V2_PACKAGE
from compat.knowledge.hosts import V1_HOST
from compat.knowledge.todos import V1_SERVER_URL_DROPPED_TODO, V2_KEY_TODO


class SdkClientCodemod(SdkCodemod):
    NAME = "sdk-client"
    TRIGGERS = IMPORT_TRIGGERS  # a client class is always imported in the file
    DESCRIPTION = "Ding(api_key=...) -> Prelude(api_token=..., max_retries=0), with the TODO about the v2 key."

    def has_work(self, analysis) -> bool:
        return bool(analysis.clients)

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        if original_node not in self.analysis.clients:
            return updated_node
        new_args: List[cst.Arg] = []
        self.todo(original_node, V2_KEY_TODO)
        positional = [a for a in updated_node.args if a.keyword is None]
        for a in updated_node.args:
            keyword = a.keyword.value if a.keyword else None
            if a.star:
                self.todo(original_node, "v1 client options passed with */**; map them to Prelude(...) by hand")
                return updated_node
            if keyword is None and a is not positional[0]:
                self.todo(original_node, "positional v1 client options; map them to Prelude(...) keywords by hand")
                return updated_node
            if keyword in (None, "api_key"):
                new_args.append(self._api_token(original_node, a.value))
            elif keyword == "security":
                key = _security_key(a.value)
                if key is None:
                    self.todo(original_node, "could not read the key out of security=; pass api_token=")
                    return updated_node
                new_args.append(self._api_token(original_node, key))
            elif keyword == "server_url":
                url = literal_string(a.value)
                if url is None:
                    # `server_url=os.environ.get("DING_URL", "https://api.ding.live/v1")`, a setting:
                    # a v1 base (".../v1", v1 paths) the v2 client cannot use; the v2 default is kept
                    self.todo(original_node, V1_SERVER_URL_DROPPED_TODO.format(value=code(a.value)))
                elif V1_HOST not in url:
                    self.todo(original_node, "custom server_url moved to base_url; v2 paths start with /v2/ "
                                             "and the base URL has no /v1")
                    new_args.append(cst.Arg(keyword=cst.Name("base_url"), value=a.value))
            elif keyword == "url_params":
                self.todo(original_node, "url_params dropped: v2 has no templated server URL")
            elif keyword == "client":
                self.todo(original_node, "a requests.Session cannot be passed to v2; build an httpx.Client "
                                         "and pass http_client= (proxies, headers, timeouts)")
            elif keyword in ("server", "server_idx", "retry_config"):
                continue
            else:
                self.todo(original_node, f"unknown v1 client option {keyword}=; map it by hand")
                return updated_node
        new_args.append(cst.Arg(keyword=cst.Name("max_retries"), value=cst.Integer("0")))
        self.keep_comments(original_node)
        add_needed_import(self.context, V2_PACKAGE, "Prelude")
        return cst.Call(func=cst.Name("Prelude"), args=_keyword_spacing(new_args))

    def _api_token(self, call: cst.Call, key: cst.BaseExpression) -> cst.Arg:
        if isinstance(key, cst.Lambda) and not key.params.params:
            self.todo(call, "v1 accepted a key callable; v2 takes the string and reads it once")
            key = key.body
        return cst.Arg(keyword=cst.Name("api_token"), value=key)


def _security_key(node: cst.BaseExpression):
    """The `api_key=` inside `components.Security(api_key=K)`."""
    if isinstance(node, cst.Call):
        for a in node.args:
            if a.keyword is not None and a.keyword.value == "api_key":
                return a.value
    return None


def _keyword_spacing(args: List[cst.Arg]) -> List[cst.Arg]:
    spaced = [a.with_changes(equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace("")),
                             comma=cst.MaybeSentinel.DEFAULT) for a in args]
    return spaced


# --- documentation and examples (docs/codemods.md; tests/codemods/test_codemod_examples.py) ---
from codemods.core.examples import CodemodDocs, CodemodExample, NoOp  # noqa: E402

DOCS = CodemodDocs(
    what="Rewrites the construction of a v1 client (`ding.Ding(...)`, `Ding(...)`, `sdk.SDK(...)`) into "
         "`Prelude(api_token=..., max_retries=0)`.",
    why="The v1 client class and its options are gone in prelude-python-sdk. `max_retries=0` keeps the v1 "
        "behaviour: v1 Python never retried, v2 retries twice by default, and a create or a check must not be "
        "sent twice.",
    fix_safety="Always leaves a TODO about the key: a v1 key is refused by v2. `server`, `server_idx` and "
               "`retry_config` are dropped; a custom `server_url` becomes `base_url`, a `requests.Session` "
               "passed as `client=`, a key callable and `*args`/`**kwargs` get a TODO (the last are left "
               "unchanged).",
    examples=(
        CodemodExample('''
            import ding

            client = ding.Ding(api_key=settings.DING_KEY, server_idx=0)
            ''', '''
            from prelude_python_sdk import Prelude

            # TODO(prelude-migration): v2 needs a v2 API key (Prelude dashboard > API Keys, sent as Authorization: Bearer); v1 X-API-Key keys are refused: make sure this value is the v2 key
            client = Prelude(api_token=settings.DING_KEY, max_retries=0)
            ''', note="The v1 import goes once nothing reads it (`sdk-imports`)."),
        CodemodExample('''
            from ding import Ding

            client = Ding(api_key=KEY, server_url="https://proxy.internal/v1", client=session)
            ''', '''
            from prelude_python_sdk import Prelude

            # TODO(prelude-migration): v2 needs a v2 API key (Prelude dashboard > API Keys, sent as Authorization: Bearer); v1 X-API-Key keys are refused: make sure this value is the v2 key
            # TODO(prelude-migration): custom server_url moved to base_url; v2 paths start with /v2/ and the base URL has no /v1
            # TODO(prelude-migration): a requests.Session cannot be passed to v2; build an httpx.Client and pass http_client= (proxies, headers, timeouts)
            client = Prelude(api_token=KEY, base_url="https://proxy.internal/v1", max_retries=0)
            ''', note="Options v2 spells otherwise are moved or marked."),
    ),
    no_ops=(
        NoOp('''
            from ding import Ding

            app = Ding()
            app.route("/")
            ''', "`from ding import Ding` alone is no evidence of the v1 SDK (a web framework, a Django app "
                 "called `ding`): nothing v1-only is used."),
    ),
)
