"""PM104 v1-sdk-package: a v1 Ding SDK declared in a dependency manifest, or installed by a
command in a Dockerfile, a shell script, a Makefile or a CI/YAML file.

Manifests: requirements*.txt (and requirements/*.txt), pyproject.toml, setup.py/cfg, Pipfile,
package.json, go.mod, composer.json, Gemfile/*.gemspec, *.csproj/packages.config, pom.xml,
build.gradle(.kts), gradle/libs.versions.toml. Install commands: pip/uv/poetry/pipenv/pdm,
npm/yarn/pnpm/bun, go get, gem install/bundle add, composer require, dotnet add package.
Lock files (package-lock.json, poetry.lock, go.sum...) are not flagged: they repeat the
manifest. Documentation is not flagged either (a README's install line installs nothing).
Package names come from ``compat.knowledge.packages.V1_DISTRIBUTIONS``.
"""
from __future__ import annotations

import re

from compat.knowledge.packages import V1_DISTRIBUTIONS, V2_PACKAGES
from migrate.findings import RuleInfo
from migrate.scan.context import Example, Hit
from migrate.scan.rules._common import docs_url, removal_clause

RULE = RuleInfo(
    id="PM104", name="v1-sdk-package", title="A v1 Ding SDK in a dependency manifest",
    deadline="v1-removal", fixable=False, docs_url=docs_url("PM104"),
)
TEXT_IN_PYTHON = True  # setup.py is a manifest


def _name_pattern(ecosystem: str, name: str) -> str:
    if ecosystem == "pypi":  # PEP 503: -, _ and . are the same, case-insensitive
        return r"(?<![\w.\-])" + r"[-_.]".join(re.escape(p) for p in re.split(r"[-_.]", name)) + r"(?![\w\-]|\.\w)"
    if ecosystem == "maven":
        group, _, artifact = name.partition(":")
        if artifact:  # gradle "g:a:v", pom <groupId>/<artifactId> (either order), gradle maps
            g, a = re.escape(group), re.escape(artifact)
            return (re.escape(name) + r"(?![\w.\-])"
                    + rf"|<groupId>\s*{g}\s*</groupId>\s*<artifactId>\s*{a}\s*</artifactId>"
                    + rf"|<artifactId>\s*{a}\s*</artifactId>\s*<groupId>\s*{g}\s*</groupId>"
                    + rf"""|\bgroup\s*[:=]\s*["']{g}["']\s*,\s*name\s*[:=]\s*["']{a}["']""")
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
    for ecosystem, names in V1_DISTRIBUTIONS.items()
}
_REPLACEMENT = {**V2_PACKAGES, "composer": "the v2 PHP SDK (Stainless, beta)"}


# Install commands in Dockerfiles, scripts and CI/YAML files (docs are not scanned for them:
# a README that says "we used to pip install ding-api-client" installs nothing).
_INSTALL_VERB = re.compile(
    r"\b(?:pip3?\s+install|uv\s+(?:pip\s+install|add)|poetry\s+add|pipenv\s+install|pdm\s+add"
    r"|npm\s+(?:install|i|add)|yarn\s+add|pnpm\s+(?:add|install|i)|bun\s+add|go\s+(?:get|install)"
    r"|gem\s+install|bundle\s+add|composer\s+require|dotnet\s+add\s+(?:\S+\s+)?package"
    r"|Install-Package|nuget\s+install)\b[^\n]*", re.IGNORECASE)
_INSTALLABLE = ("pypi", "npm", "go", "gem", "composer", "nuget")  # Maven has no install command


def _bare_name_pattern(ecosystem: str, name: str) -> str:
    """A package name as a command argument (``ding-api-client==3.9``, ``@ding-live/ding@0.22``)."""
    if ecosystem == "pypi":
        return _name_pattern("pypi", name)
    return r"(?<![\w.@/\-])" + re.escape(name) + r"(?![\w\-]|\.\w)"


_INSTALLED = re.compile("|".join(
    "(?P<%s>%s)" % (ecosystem, "|".join(_bare_name_pattern(ecosystem, n)
                                        for n in sorted(V1_DISTRIBUTIONS[ecosystem], key=len, reverse=True)))
    for ecosystem in _INSTALLABLE), re.IGNORECASE)
_INSTALL_LANGUAGES = ("docker", "shell")
_INSTALL_SUFFIXES = (".yml", ".yaml")
_INSTALL_NAMES = ("makefile", "justfile")


def _message(ecosystem: str, what: str = "dependency") -> str:
    return f"v1 SDK {what} ({removal_clause()}): replace with {_REPLACEMENT[ecosystem]}"


# Where a manifest names ITS OWN package (the v1 SDK's repository itself, or a fork): not a
# dependency. go.mod's module line, package.json/composer.json's top-level "name", a gemspec's
# ``s.name``, setup.py's ``name=`` / ``packages=`` / ``package_data`` / ``package_dir``, and
# pyproject's ``name =``.
_OWN_NAME_LINE = re.compile(
    r"""^(?:module\s|\s{0,4}"name"\s*:|\s*\w+\.name\s*=|\s*(?:name|packages|package_dir|package_data|py_modules)\s*=)"""
    r"""|^\s*["'][\w.\-]+["']\s*:\s*\[""",  # a package_data key on its own line
    re.IGNORECASE)
_OWN_NAME_FILES = ("go.mod", "package.json", "composer.json", "setup.py", "pyproject.toml")


def _own_name(ctx, offset: int) -> bool:
    name = ctx.path.rsplit("/", 1)[-1].lower()
    if name not in _OWN_NAME_FILES and not name.endswith(".gemspec"):
        return False
    line = ctx.line_text(ctx.position(offset)[0])
    if name == "pyproject.toml" and "dependencies" in line:
        return False
    return _OWN_NAME_LINE.search(line) is not None


def match(ctx):
    pattern = _PATTERNS.get(ctx.ecosystem or "")
    if pattern is not None:
        for m in pattern.finditer(ctx.text):
            if not _own_name(ctx, m.start()):
                yield Hit(m.start(), m.end(), _message(ctx.ecosystem))
    elif (ctx.language in _INSTALL_LANGUAGES or ctx.path.lower().endswith(_INSTALL_SUFFIXES)
          or ctx.path.rsplit("/", 1)[-1].lower() in _INSTALL_NAMES):
        for command in _INSTALL_VERB.finditer(ctx.text):
            for m in _INSTALLED.finditer(ctx.text, command.start(), command.end()):
                yield Hit(m.start(), m.end(), _message(m.lastgroup, "installed"))


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
    Example("build.gradle", "implementation group: 'live.ding', name: 'dingsdk', version: '0.4.1'\n", ((1, 16),)),
    Example("gradle/libs.versions.toml", '[libraries]\nding = { module = "live.ding:dingsdk", version = "0.4.1" }\n',
            ((2, 20),)),
    Example("requirements/base.txt", "Django==5.0\nding-api-client==3.9.120\n", ((2, 1),)),
    Example("Dockerfile", "FROM python:3.12\nRUN pip install --no-cache-dir ding-api-client==3.9.120 gunicorn\n",
            ((2, 32),)),
    Example("setup.sh", "npm install --save @ding-live/ding@0.22.1\ngo get github.com/ding-live/ding-golang@v0.9.3\n",
            ((1, 20), (2, 8))),
    Example("Makefile", "deps:\n\tpython -m pip install -U ding-client-sdk\n", ((2, 27),)),
    Example(".github/workflows/ci.yml", "steps:\n  - run: gem install ding_sdk && dotnet add package DingSDK\n",
            ((2, 22), (2, 53))),
    # near misses: v2 packages, a package whose name merely contains "ding"
    Example("requirements.txt", "prelude-python-sdk>=0.16.0\npadding-utils==1.0\nmy-ding-api-client-fork==1\n"),
    Example("package.json", '{"dependencies": {"@prelude.so/sdk": "^0.5.0"}}\n'),
    Example("go.mod", "require github.com/prelude-so/go-sdk v0.8.0\n"),
    Example("README.md", "pip install ding-api-client  # documentation is not a manifest\n"),
    # the v1 SDK's own manifests name their own package, not a dependency
    Example("go.mod", "module github.com/ding-live/ding-golang\n\ngo 1.20\n"),
    Example("package.json", '{\n  "name": "@ding-live/ding",\n  "version": "0.22.40"\n}\n'),
    Example("composer.json", '{\n    "name": "ding-live/ding-php",\n    "require": {"php": ">=8.1"}\n}\n'),
    Example("ding_sdk.gemspec", "Gem::Specification.new do |s|\n  s.name = 'ding_sdk'\n  s.version = '0.8.1'\nend\n"),
    Example("setup.py", "setuptools.setup(\n    name='ding-api-client',\n    package_data={\n"
            "        'ding_api_client': ['py.typed']\n    },\n)\n"),
    Example("Dockerfile", "RUN pip install prelude-python-sdk padding-utils && echo ding-api-client-fork\n"),
)
