"""The SDK packages of both APIs per ecosystem, the names the v1 SDKs are imported under, and
the tokens that prove v1 code in a file. See docs/reference/v1-api.md ("SDKs").

``V1_DISTRIBUTIONS`` are the names package managers know (manifests, install commands);
``V1_PYTHON_IMPORT_PACKAGES`` are the top-level Python packages v1 code imports. (Both were
called ``V1_PACKAGES`` once, in two modules.)
"""
from __future__ import annotations

from typing import Mapping, Tuple

# Distribution names of the v1 SDKs, per ecosystem (for manifests).
V1_DISTRIBUTIONS: Mapping[str, Tuple[str, ...]] = {
    "pypi": ("ding-api-client", "ding_api_client", "ding-client-sdk", "ding_client_sdk"),
    "npm": ("@ding-live/ding", "@ding-live/sdk"),
    "go": ("github.com/ding-live/ding-golang", "github.com/ding-live/go-sdk",
           "github.com/ding-live/ding-go", "github.com/ding-live/sdk-go"),
    "maven": ("live.ding:dingsdk", "live.ding.dingSdk"),
    "composer": ("ding-live/ding-php", "ding/sdk"),
    "gem": ("ding_sdk",),
    "nuget": ("DingSDK",),
}
V2_PACKAGES: Mapping[str, str] = {
    "pypi": "prelude-python-sdk", "npm": "@prelude.so/sdk", "go": "github.com/prelude-so/go-sdk",
    "maven": "so.prelude.sdk:prelude-java", "gem": "prelude-sdk", "nuget": "PreludeSdk",
}

# Namespaces the v1 SDKs are imported under in source code, per language;
# npm and Go import paths are the package names above.
V1_SOURCE_NAMESPACES: Mapping[str, Tuple[str, ...]] = {
    "jvm": ("live.ding.dingsdk", "live.ding.dingSdk"),
    "php": ("Ding\\DingSDK", "ding\\sdk"),  # INFERRED: ding\sdk from the early Composer package ding/sdk (v1-api.md, "SDKs", gives the package, not the namespace)
    "ruby": ("ding_sdk",),  # require 'ding_sdk'; module ::DingSDK
    "csharp": ("DingSDK",),
}
# The namespaces the v1 SDKs declare their own files in (``package live.ding.dingSdk.models.shared;``,
# ``namespace DingSDK.Models.Components``, ``namespace ding\sdk\Models\Components;``, Ruby
# ``module DingSDK`` / ``class DingSDK::Models::...``): such a file is the SDK's own code.
V1_DECLARED_NAMESPACES: Mapping[str, Tuple[str, ...]] = {
    "jvm": V1_SOURCE_NAMESPACES["jvm"],
    "php": V1_SOURCE_NAMESPACES["php"],
    "csharp": V1_SOURCE_NAMESPACES["csharp"],
    "ruby": ("DingSDK",),
}
# How each language's v2 SDK builds a client, for scanner messages.
V2_CLIENT_SHAPES: Mapping[str, str] = {
    "python": "Prelude(api_token=...) from prelude_python_sdk",
    "js": "new Prelude({ apiToken }) from @prelude.so/sdk",
    "go": "prelude.NewClient(option.WithAPIToken(...)) from github.com/prelude-so/go-sdk",
    "jvm": "PreludeOkHttpClient.builder().apiToken(...).build() from so.prelude.sdk",
    "php": "new Prelude\\Client(apiToken: ...) (Stainless PHP SDK, beta)",
    "ruby": "PreludeSDK::Client.new(api_token: ...) from the prelude-sdk gem",
    "csharp": "new PreludeClient { ApiToken = ... } from PreludeSdk",
}

# Top-level Python packages of the v1 SDK (ding-api-client 1.1.0 shipped ``sdk``).
V1_PYTHON_IMPORT_PACKAGES: Tuple[str, ...] = ("ding", "sdk")

# Ding's GitHub organisation (Go module paths) and npm scope. The tool ASSUMES that a module
# published there is v1-era code: the v1 SDKs and samples live there and the v2 SDKs are published
# by prelude-so (``V2_PACKAGES``), but no source states it for every module. So an import of one -
# an SDK or a sample's own client package such as ``github.com/ding-live/firebase/pkg/ding`` - is
# v1 evidence; only the listed ``V1_DISTRIBUTIONS`` get a v2 package to move to.
V1_ORG_PREFIXES: Mapping[str, str] = {"go": "github.com/ding-live/", "npm": "@ding-live/"}

# Lower-case substrings that only v1 code contains, per ecosystem (package names, namespaces and
# Go identifiers): one of them in a file is evidence of v1 use on its own.
V1_EVIDENCE_TOKENS: Mapping[str, Tuple[str, ...]] = {
    "pypi": ("ding_api_client", "ding-api-client", "ding_client_sdk", "ding-client-sdk"),
    "npm": (V1_ORG_PREFIXES["npm"],),
    "go": (V1_ORG_PREFIXES["go"], "dinggolang", "ding.authenticateoptions", "ding.newclient("),
    "maven": ("live.ding.", "dingsdk"),
    "composer": ("ding-live/ding-php",),
    "gem": ("ding_sdk",),
    "nuget": ("dingsdk",),
}
# Lower-case package spellings too generic to be evidence alone (``ding/sdk`` is also a path;
# dotted forms are how some tools normalise names) but worth a look by the text rules.
V1_WEAK_PACKAGE_TOKENS: Tuple[str, ...] = ("ding/sdk", "ding.api.client", "ding.client.sdk")

# The v2 SDK versions this project executes rewritten code against (tests/node/package.json, the
# `test` extra of pyproject.toml): the version a dependency swap in a manifest writes.
V2_TESTED_VERSIONS: Mapping[str, str] = {"npm": "0.10.0", "pypi": "0.16.0"}
