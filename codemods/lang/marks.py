"""The v1 usages left in a file, from the per-language detection layer ``codemods.syntax``
(the one the scanner reads), each with what v2 needs there."""
from __future__ import annotations

from typing import List

from codemods.lang.edits import Mark
from codemods.syntax.languages import Language
from codemods.lang.todo_sentences import sentence


_HOST_KINDS = frozenset({"v1-host", "legacy-v2-host"})


def detect(language: Language, source: str, path: str, tree) -> List[Mark]:
    from codemods.syntax import usages

    marks: List[Mark] = []
    comments = tree.comments
    for usage in usages(language.syntax_id, source, path=path):
        if usage.kind == "todo-marker" or usage.context == "comment" or _inside(usage.start, comments):
            continue  # the tool's own trace; prose about v1 in a comment is no usage
        if usage.kind in _HOST_KINDS and usage.context == "code":
            continue  # `api.ding.live/v2` as an expression (a member read divided by v2) is no URL
        text = sentence(usage.kind, usage.detail, language.syntax_id)
        if text:
            marks.append(Mark(usage.line - 1, text))
    return marks


def _inside(offset: int, ranges) -> bool:
    import bisect

    i = bisect.bisect_right(ranges, (offset, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= offset < ranges[i][1]


# --- documentation and examples (docs/codemods.md; tests/codemods/test_codemod_examples.py) ---
from codemods.core.examples import CodemodDocs, CodemodExample, NoOp  # noqa: E402

DOCS = CodemodDocs(
    title="TODO marks",
    summary="one `TODO(prelude-migration): ...` comment, in the language's comment syntax, above each statement "
            "still holding a v1 usage (v1 URL or path, `X-API-Key`, `customer_uuid`, v1 status, v1 SDK import, "
            "client, call or dependency), saying what v2 needs there.",
    what="After the rewrites, asks the detection layer the scanner uses (`codemods.syntax`, plus the scanner's "
         "findings for manifests) which v1 usages are left, and puts ONE `TODO(prelude-migration): ...` comment "
         "above each statement holding one, in that language's comment syntax, saying what v2 needs there.",
    why="After `rewrite`, every line `scan` flags must be rewritten or directly below a TODO: nothing v1 is "
        "left silently.",
    fix_safety="Comments only, never twice. Never inside a string, a heredoc, a YAML block scalar, a Markdown "
               "code fence, JSX or a backslash-continued command: the TODO goes above the start of that "
               "construct. Formats without comments (JSON) get none: `rewrite` lists their lines instead.",
    examples=(
        CodemodExample('''
            package otp

            const notifyURL = "https://api.ding.live/v2/notify"
            const base = "https://api.ding.live/v1"
            ''', '''
            package otp

            const notifyURL = "https://api.prelude.dev/v2/notify"
            // TODO(prelude-migration): api.ding.live/v1 was removed in April 2026 and this use could not be rewritten automatically: move it to https://api.prelude.dev/v2 (docs/api-changes.md)
            const base = "https://api.ding.live/v1"
            ''', language="go", path="otp.go"),
        CodemodExample(r'''
            <?php
            use Ding\DingSDK\Ding;

            $sdk = Ding::builder()->setSecurity($key)->build();
            $docs = 'https://docs.prelude.so/api-reference/v2/errors';
            ''', r'''
            <?php
            // TODO(prelude-migration): the v1 SDK (Ding\DingSDK) is gone: move to the v2 SDK, client new Prelude\Client(apiToken: ...) (Stainless PHP SDK, beta)
            use Ding\DingSDK\Ding;

            // TODO(prelude-migration): build new Prelude\Client(apiToken: ...) (Stainless PHP SDK, beta) with a new v2 API key instead of this v1 client
            $sdk = Ding::builder()->setSecurity($key)->build();
            $docs = 'https://docs.prelude.so/introduction/errors';
            ''', language="php", path="otp.php"),
        CodemodExample('''
            require 'ding_sdk'

            s = ::DingSDK::Ding.new
            res = s.otp.create_authentication(req)
            ''', '''
            # TODO(prelude-migration): the v1 SDK (ding_sdk) is gone: move to prelude-sdk, client PreludeSDK::Client.new(api_token: ...) from the prelude-sdk gem
            require 'ding_sdk'

            # TODO(prelude-migration): build PreludeSDK::Client.new(api_token: ...) from the prelude-sdk gem with a new v2 API key instead of this v1 client
            s = ::DingSDK::Ding.new
            # TODO(prelude-migration): v1 create (POST /v1/authentication) is POST https://api.prelude.dev/v2/verification in v2, with a different body and Authorization: Bearer <v2 API key> (docs/api-changes.md)
            res = s.otp.create_authentication(req)
            ''', language="ruby", path="otp.rb"),
        CodemodExample('''
            class Otp {
                String errors = "https://docs.prelude.so/api-reference/v2/errors";
                String base = "https://api.ding.live/v1/authentication";
            }
            ''', '''
            class Otp {
                String errors = "https://docs.prelude.so/introduction/errors";
                // TODO(prelude-migration): v1 create (POST /v1/authentication) is POST https://api.prelude.dev/v2/verification in v2, with a different body and Authorization: Bearer <v2 API key> (docs/api-changes.md)
                String base = "https://api.ding.live/v1/authentication";
            }
            ''', language="java", path="Otp.java"),
        CodemodExample('''
            object Otp {
              val notify = "https://api.ding.live/v2/notify"
              val check = "https://api.ding.live/v1/check"
            }
            ''', '''
            object Otp {
              val notify = "https://api.prelude.dev/v2/notify"
              // TODO(prelude-migration): v1 check (POST /v1/check) is POST https://api.prelude.dev/v2/verification/check in v2, with a different body and Authorization: Bearer <v2 API key> (docs/api-changes.md)
              val check = "https://api.ding.live/v1/check"
            }
            ''', language="scala", path="Otp.scala"),
        CodemodExample('''
            let notify = "https://api.ding.live/v2/notify"
            let check = URL(string: "https://api.ding.live/v1/check")!
            ''', '''
            let notify = "https://api.prelude.dev/v2/notify"
            // TODO(prelude-migration): v1 check (POST /v1/check) is POST https://api.prelude.dev/v2/verification/check in v2, with a different body and Authorization: Bearer <v2 API key> (docs/api-changes.md)
            let check = URL(string: "https://api.ding.live/v1/check")!
            ''', language="swift", path="Otp.swift"),
        CodemodExample(r'''
            #!/bin/sh
            curl -s https://api.ding.live/v1/authentication \
              -H "X-API-Key: $DING_API_KEY" \
              -d "{\"customer_uuid\": \"$DING_CUSTOMER_UUID\", \"phone_number\": \"$1\"}"
            ''', r'''
            #!/bin/sh
            # TODO(prelude-migration): v1 create (POST /v1/authentication) is POST https://api.prelude.dev/v2/verification in v2, with a different body and Authorization: Bearer <v2 API key> (docs/api-changes.md). v2 needs a v2 API key (Prelude dashboard > API Keys, sent as Authorization: Bearer); v1 X-API-Key keys are refused: make sure this value is the v2 key. v2 has no customer UUID: drop it.
            curl -s https://api.ding.live/v1/authentication \
              -H "X-API-Key: $DING_API_KEY" \
              -d "{\"customer_uuid\": \"$DING_CUSTOMER_UUID\", \"phone_number\": \"$1\"}"
            ''', language="shell", path="send.sh",
            note='One TODO for the whole continued command, above its first line.'),
        CodemodExample('''
            [otp]
            notify = "https://api.ding.live/v2/notify"
            base = "https://api.ding.live/v1"
            ''', '''
            [otp]
            notify = "https://api.prelude.dev/v2/notify"
            # TODO(prelude-migration): api.ding.live/v1 was removed in April 2026 and this use could not be rewritten automatically: move it to https://api.prelude.dev/v2 (docs/api-changes.md)
            base = "https://api.ding.live/v1"
            ''', language="toml", path="settings.toml"),
        CodemodExample('''
            NOTIFY_URL=https://api.ding.live/v2/notify
            DING_CUSTOMER_UUID=00000000-0000-0000-0000-000000000000
            ''', '''
            NOTIFY_URL=https://api.prelude.dev/v2/notify
            # TODO(prelude-migration): v2 has no customer UUID: drop it
            DING_CUSTOMER_UUID=00000000-0000-0000-0000-000000000000
            ''', language="dotenv", path=".env"),
        CodemodExample('''
            FROM python:3.11
            ENV NOTIFY_URL=https://api.ding.live/v2/notify
            ENV OTP_URL=https://api.ding.live/v1/check
            ''', '''
            FROM python:3.11
            ENV NOTIFY_URL=https://api.prelude.dev/v2/notify
            # TODO(prelude-migration): v1 check (POST /v1/check) is POST https://api.prelude.dev/v2/verification/check in v2, with a different body and Authorization: Bearer <v2 API key> (docs/api-changes.md)
            ENV OTP_URL=https://api.ding.live/v1/check
            ''', language="dockerfile", path="Dockerfile"),
        CodemodExample('''
            requests==2.32.3
            ding-api-client==3.9.120
            ''', '''
            requests==2.32.3
            # TODO(prelude-migration): v1 SDK dependency: replace with prelude-python-sdk
            ding-api-client==3.9.120
            ''', language="requirements", path="requirements.txt",
            note="Alone in the run, with no code file of the package moved to the v2 SDK, the entry is marked."),
        CodemodExample('''
            module example.test/otp

            require github.com/ding-live/ding-golang v0.9.0
            ''', '''
            module example.test/otp

            // TODO(prelude-migration): v1 SDK dependency: replace with github.com/prelude-so/go-sdk
            require github.com/ding-live/ding-golang v0.9.0
            ''', language="gomod", path="go.mod"),
        CodemodExample('''
            dependencies {
                implementation 'live.ding:dingsdk:0.5.0'
            }
            ''', '''
            dependencies {
                // TODO(prelude-migration): v1 SDK dependency: replace with so.prelude.sdk:prelude-java
                implementation 'live.ding:dingsdk:0.5.0'
            }
            ''', language="groovy", path="build.gradle"),
        CodemodExample('''
            <Project>
              <ItemGroup>
                <PackageReference Include="DingSDK" Version="0.4.0" />
              </ItemGroup>
            </Project>
            ''', '''
            <Project>
              <ItemGroup>
                <!-- TODO(prelude-migration): v1 SDK dependency: replace with PreludeSdk -->
                <PackageReference Include="DingSDK" Version="0.4.0" />
              </ItemGroup>
            </Project>
            ''', language="xml", path="App.csproj"),
        CodemodExample('''
            Send codes with https://api.ding.live/v1/authentication
            See https://docs.prelude.so/api-reference/v2/errors for the error codes.
            ''', '''
            <!-- TODO(prelude-migration): v1 create (POST /v1/authentication) is POST https://api.prelude.dev/v2/verification in v2, with a different body and Authorization: Bearer <v2 API key> (docs/api-changes.md) -->
            Send codes with https://api.ding.live/v1/authentication
            See https://docs.prelude.so/introduction/errors for the error codes.
            ''', language="markdown", path="README.md",
            note='In Markdown the TODO is an HTML comment.'),
    ),
    no_ops=(
        NoOp('''
            {"otp": "https://api.ding.live/v1/check"}
            ''', 'JSON has no comments: the v1 line is left as it is and listed in the summary (`left otp.json:1: ...`).',
            language="json", path="otp.json"),
    ),
)
