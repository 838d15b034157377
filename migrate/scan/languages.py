"""Which language a file is written in, from its name alone (no content sniffing: cheap).

The language decides which text patterns apply: imports and calls differ per language, while
hosts, documentation links and routes are matched in every text file.
"""
from __future__ import annotations

import os

from codemods.syntax.languages import family, language_for_path

# The language table is codemods.syntax.languages' (one table); this module keeps the coarse ids.
_COARSE = frozenset({"python", "js", "go", "jvm", "php", "ruby", "csharp", "swift", "shell", "docker"})

# Manifest file name -> package ecosystem (keys of compat.knowledge.packages.V1_DISTRIBUTIONS).
_MANIFESTS_EXACT = {
    "pyproject.toml": "pypi", "setup.py": "pypi", "setup.cfg": "pypi", "pipfile": "pypi",
    "environment.yml": "pypi", "environment.yaml": "pypi",
    "package.json": "npm", "go.mod": "go", "composer.json": "composer",
    "gemfile": "gem", "pom.xml": "maven", "build.gradle": "maven", "build.gradle.kts": "maven",
    "build.sbt": "maven", "packages.config": "nuget", "directory.packages.props": "nuget",
    "libs.versions.toml": "maven",  # Gradle version catalog
}
_MANIFEST_SUFFIXES = {".gemspec": "gem", ".csproj": "nuget", ".fsproj": "nuget", ".vbproj": "nuget"}


def language_of(path: str) -> str:
    """A coarse language id: python, js, go, jvm, php, ruby, csharp, swift, shell, docker, text."""
    coarse = family(language_for_path(path))
    return coarse if coarse in _COARSE else "text"


def manifest_ecosystem(path: str) -> "str | None":
    """The package ecosystem of a dependency manifest (lock files excluded: they repeat it)."""
    name = os.path.basename(path).lower()
    if name in _MANIFESTS_EXACT:
        return _MANIFESTS_EXACT[name]
    # requirements.txt, dev-requirements.in, and the requirements/base.txt folder layout
    folder = os.path.basename(os.path.dirname(path.replace("\\", "/"))).lower()
    if name.endswith((".txt", ".in")) and (name.startswith(("requirements", "constraints"))
                                           or "requirements" in name or folder == "requirements"):
        return "pypi"
    return _MANIFEST_SUFFIXES.get(os.path.splitext(name)[1])
