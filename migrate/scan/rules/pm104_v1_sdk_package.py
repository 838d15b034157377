"""PM104 v1-sdk-package: a v1 Ding SDK declared in a dependency manifest.

Manifests: requirements*.txt, pyproject.toml, setup.py/cfg, Pipfile, package.json, go.mod,
composer.json, Gemfile/*.gemspec, *.csproj/packages.config, pom.xml, build.gradle(.kts).
Lock files are not scanned for this rule (they repeat the manifest). Package names come from
``compat.tables.V1_PACKAGES``.
"""
from __future__ import annotations

import re

from compat.tables import V1_PACKAGES, V2_PACKAGES
from migrate.findings import RuleInfo
from migrate.scan.context import Example, Hit
from migrate.scan.rules._common import docs_url, removal_clause

RULE = RuleInfo("PM104", "v1-sdk-package", "A v1 Ding SDK in a dependency manifest", "v1-removal",
                False, docs_url("PM104"))
TEXT_IN_PYTHON = True  # setup.py is a manifest


def _name_pattern(ecosystem: str, name: str) -> str:
    if ecosystem == "pypi":  # PEP 503: -, _ and . are the same, case-insensitive
        return r"(?<![\w.\-])" + r"[-_.]".join(re.escape(p) for p in re.split(r"[-_.]", name)) + r"(?![\w\-]|\.\w)"
    if ecosystem == "maven":
        group, _, artifact = name.partition(":")
        if artifact:  # gradle "g:a:v" or pom <groupId>g</groupId> <artifactId>a</artifactId>
            return (re.escape(name) + r"(?![\w.\-])|<groupId>\s*" + re.escape(group)
                    + r"\s*</groupId>\s*<artifactId>\s*" + re.escape(artifact) + r"\s*</artifactId>")
        return r"(?<![\w.\-])" + re.escape(group) + r"(?![\w.\-])"  # a group id on its own
    if ecosystem == "nuget":
        return r"""(?:Include|id)\s*=\s*["']""" + re.escape(name) + r"""["']"""
    if ecosystem == "gem":
        return r"""["']""" + re.escape(name) + r"""["']"""
    return r"(?<![\w.@/\-])" + re.escape(name) + r"(?![\w.\-])"  # npm, go, composer


_PATTERNS = {
    ecosystem: re.compile("|".join("(?:%s)" % _name_pattern(ecosystem, n)
                                   for n in sorted(names, key=len, reverse=True)),
                          re.IGNORECASE if ecosystem in ("pypi", "nuget") else 0)
    for ecosystem, names in V1_PACKAGES.items()
}
_REPLACEMENT = {**V2_PACKAGES, "composer": "the v2 PHP SDK (Stainless, beta)"}


def match(ctx):
    pattern = _PATTERNS.get(ctx.ecosystem or "")
    if pattern is None:
        return
    for m in pattern.finditer(ctx.text):
        yield Hit(m.start(), m.end(),
                  f"v1 SDK dependency ({removal_clause()}): replace with {_REPLACEMENT[ctx.ecosystem]}")


EXAMPLES = (
    Example("requirements.txt", "requests==2.31\nding-api-client==3.9.120\n", ((2, 1),)),
    Example("requirements-dev.txt", "Ding_Client_SDK>=1.3\n", ((1, 1),)),
    Example("pyproject.toml", '[project]\ndependencies = ["ding_api_client>=3", "click"]\n', ((2, 18),)),
    Example("package.json", '{\n  "dependencies": {\n    "@ding-live/ding": "^0.22.0"\n  }\n}\n', ((3, 6),)),
    Example("go.mod", "module x\n\nrequire github.com/ding-live/ding-golang v0.9.0\n", ((3, 9),)),
    Example("composer.json", '{"require": {"ding-live/ding-php": "^1.0"}}\n', ((1, 15),)),
    Example("Gemfile", "source 'https://rubygems.org'\ngem 'ding_sdk', '~> 0.8'\n", ((2, 5),)),
    Example("App.csproj", '<ItemGroup>\n  <PackageReference Include="DingSDK" Version="0.1.0" />\n</ItemGroup>\n',
            ((2, 21),)),
    Example("pom.xml", "<dependency>\n  <groupId>live.ding</groupId>\n  <artifactId>dingsdk</artifactId>\n</dependency>\n",
            ((2, 3),)),
    Example("build.gradle", "implementation 'live.ding:dingsdk:0.1.0'\n", ((1, 17),)),
    # near misses: v2 packages, a package whose name merely contains "ding"
    Example("requirements.txt", "prelude-python-sdk>=0.16.0\npadding-utils==1.0\nmy-ding-api-client-fork==1\n"),
    Example("package.json", '{"dependencies": {"@prelude.so/sdk": "^0.5.0"}}\n'),
    Example("go.mod", "require github.com/prelude-so/go-sdk v0.8.0\n"),
    Example("README.md", "pip install ding-api-client  # documentation is not a manifest\n"),
)
