"""Which language a file is written in, from its name alone (no content sniffing: cheap).

The language decides which text patterns apply: imports and calls differ per language, while
hosts, documentation links and routes are matched in every text file.
"""
from __future__ import annotations

import os

_SUFFIXES = {
    "python": (".py", ".pyi", ".pyw"),
    "js": (".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".mts", ".cts", ".vue", ".svelte"),
    "go": (".go",),
    "jvm": (".java", ".kt", ".kts", ".scala", ".groovy", ".gradle"),
    "php": (".php",),
    "ruby": (".rb", ".rbi", ".rake", ".gemspec"),  # .rbi: Sorbet interface files
    "csharp": (".cs", ".csx"),
    "swift": (".swift",),
    "shell": (".sh", ".bash", ".zsh", ".ksh", ".fish", ".ps1", ".bat", ".cmd"),
}
_BY_SUFFIX = {suffix: lang for lang, suffixes in _SUFFIXES.items() for suffix in suffixes}
_BY_NAME = {"gemfile": "ruby", "rakefile": "ruby", "dockerfile": "docker", "containerfile": "docker"}

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
    name = os.path.basename(path).lower()
    if name in _BY_NAME or name.startswith("dockerfile."):
        return _BY_NAME.get(name, "docker")
    return _BY_SUFFIX.get(os.path.splitext(name)[1], "text")


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
