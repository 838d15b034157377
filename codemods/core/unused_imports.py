"""Removing the imports the codemods asked to drop, without a second scope analysis when the
answer is certain.

libcst's ``RemoveImportsVisitor`` removes a requested import only when nothing in the module
still uses it, which it learns from a fresh ``ScopeProvider`` + ``QualifiedNameProvider``
analysis of the rewritten tree (plus a pass for ``__all__`` and one for string annotations):
about a third of a rewrite of a v1 file. Most of the time the answer needs no analysis at all
(:func:`classify`): a name an import binds that is no longer written
anywhere in the module's code (outside import statements, comments and lone docstrings) has no
reference in any scope, no ``__all__`` entry and no string annotation, so libcst would remove
the import too; a name written only as ``name.`` and bound only by module-level imports is
read through them, so libcst keeps them.

:func:`remove_unused_imports` decides from the module's tokens (``tokenize``: about a fifth of
a parse), then removes with libcst's own removal code (same output, byte for byte); when the
tokens cannot decide a request, it runs libcst's full visitor as before.
"""
from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass, field
from typing import Iterable, List, Optional, Set, Tuple

import libcst as cst
from libcst.codemod import CodemodContext
from libcst.codemod.visitors import RemoveImportsVisitor

Request = Tuple[str, Optional[str], Optional[str]]  # RemoveImportsVisitor's (module, obj, asname)
_STRING_TOKENS = {tokenize.STRING} | ({tokenize.FSTRING_MIDDLE} if hasattr(tokenize, "FSTRING_MIDDLE") else set())


def bound_name(request: Request) -> str:
    """The name a requested import binds: ``import a.b`` binds ``a``; ``as x`` binds ``x``."""
    module, obj, asname = request
    if asname:
        return asname
    return obj if obj is not None else module.partition(".")[0]


@dataclass
class WrittenNames:
    """How each identifier is written in a module's code, outside import statements (an
    identifier right after a dot is an attribute, not a name, and is not counted)."""
    attribute_bases: Set[str] = field(default_factory=set)  # written as `name.` (a read of name)
    other: Set[str] = field(default_factory=set)  # written any other way (a read, a binding, a keyword...)
    nested_imports: Set[str] = field(default_factory=set)  # in an import inside a def or class
    strings: List[str] = field(default_factory=list)  # strings that are not a statement of their own

    def is_written(self, name: str) -> bool:
        return name in self.attribute_bases or name in self.other


_SCOPES = ("def", "class", "async")


def written_names(source: str) -> Optional[WrittenNames]:
    """``source``'s identifiers (see :class:`WrittenNames`), from its tokens; None when it
    does not tokenize."""
    out = WrittenNames()
    depth = 0
    at_start = True  # the next token starts a statement
    in_import = in_nested_import = False
    pending: Optional[str] = None  # a string that starts a statement (a docstring, if alone)
    blocks: List[str] = []  # the first word of the statement that opened each indented block
    line_head = previous_head = ""  # first word of this logical line, of the previous one
    previous = ""  # the previous significant token
    tokens = _tokens(source)
    if tokens is None:
        return None
    for index, (kind, text) in enumerate(tokens):
        if kind == tokenize.INDENT:
            blocks.append(previous_head)
            continue
        if kind == tokenize.DEDENT:
            if blocks:
                blocks.pop()
            continue
        if kind in (tokenize.NEWLINE, tokenize.ENDMARKER) or (kind == tokenize.OP and text == ";" and depth == 0):
            pending = None  # a string alone in its statement: not an annotation, not __all__
            at_start, in_import = True, False
            if kind == tokenize.NEWLINE:
                previous_head, line_head = line_head, ""
            previous = text
            continue
        if pending is not None:
            out.strings.append(pending)
            pending = None
        if kind == tokenize.OP:
            if text in "([{":
                depth += 1
            elif text in ")]}":
                depth -= 1
            elif text == ":" and depth == 0:
                at_start = True  # `try: import x`, `if c: from x import y`
                previous = text
                continue
        elif kind == tokenize.NAME:
            if not line_head:
                line_head = text
            if at_start and text in ("import", "from"):
                in_import = True
                in_nested_import = any(b in _SCOPES for b in blocks) or (line_head in _SCOPES)
            elif in_import:
                if in_nested_import:
                    out.nested_imports.add(text)
            elif previous != ".":
                following = tokens[index + 1] if index + 1 < len(tokens) else (None, "")
                (out.attribute_bases if following[1] == "." else out.other).add(text)
        elif kind in _STRING_TOKENS:
            if at_start and kind == tokenize.STRING:
                pending = text
            else:
                out.strings.append(text)
        at_start = False
        previous = text
    return out


def _tokens(source: str):
    skipped = (tokenize.NL, tokenize.COMMENT, tokenize.ENCODING)
    try:
        return [(t.type, t.string) for t in tokenize.generate_tokens(io.StringIO(source).readline)
                if t.type not in skipped]
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return None


def classify(source: str, requests: Iterable[Request]) -> Optional[Set[str]]:
    """The names among those the requested imports bind that are certainly unused, when the
    tokens decide every request; None when one of them needs the scope analysis.

    - not written anywhere (outside import statements, comments and lone docstrings), nor in a
      string (an ``__all__`` entry, a string annotation): unused for any analysis;
    - written only as ``name.`` (each a read), and bound by imports at module level only (no
      def, class or comprehension rebinds it, as that would be written some other way): each
      read resolves to the module-level import, so it is used."""
    found = written_names(source)
    if found is None:
        return None
    unused: Set[str] = set()
    for request in requests:
        name = bound_name(request)
        if not found.is_written(name):
            pattern = re.compile(r"\b%s\b" % re.escape(name))
            if any(pattern.search(s) for s in found.strings):
                return None
            unused.add(name)
        elif name in found.other or name in found.nested_imports or _dotted_plain_import(request):
            return None
    return unused


def _dotted_plain_import(request: Request) -> bool:
    module, obj, asname = request
    return obj is None and asname is None and "." in module


class _Names:
    """Import aliases whose bound name is in ``names`` (RemoveImportsVisitor's unused set)."""

    def __init__(self, names: Set[str]) -> None:
        self.names = names

    def __contains__(self, alias) -> bool:
        bound = alias.evaluated_alias or alias.evaluated_name.partition(".")[0]
        return bound in self.names


class _KnownUnusedRemover(RemoveImportsVisitor):
    """libcst's removal, told which bound names are unused (so no metadata): it still
    matches each import against the requests (module, name, alias) exactly as libcst does."""

    METADATA_DEPENDENCIES = ()

    def __init__(self, context: CodemodContext, unused: Set[str]) -> None:
        super().__init__(context)
        self.unused = unused
        self.changed = False

    def visit_Module(self, node: cst.Module) -> None:
        self._unused_imports = _Names(self.unused)  # type: ignore[assignment]

    # plain dispatch: no matcher decorators here, and no expression holds an import
    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, (cst.BaseExpression, cst.Import, cst.ImportFrom)):
            return False
        return cst.CSTTransformer.on_visit(self, node)

    def on_leave(self, original_node, updated_node):
        result = cst.CSTTransformer.on_leave(self, original_node, updated_node)
        if result is not updated_node and isinstance(original_node, (cst.Import, cst.ImportFrom)):
            self.changed = True
        return result

    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        pass

    def on_leave_attribute(self, original_node: cst.CSTNode, attribute: str) -> None:
        pass


def remove_unused_imports(module: cst.Module, context: CodemodContext, slow_remover: type) -> Tuple[cst.Module, bool]:
    """``module`` without the imports requested in ``context`` that nothing uses: (module,
    whether anything was removed). ``slow_remover``: the RemoveImportsVisitor (sub)class to run
    when the tokens cannot decide."""
    requests = RemoveImportsVisitor._get_imports_from_context(context)
    if not requests:
        return module, False
    unused = classify(module.code, requests)
    if unused is not None:
        if not unused:
            return module, False
        remover = _KnownUnusedRemover(context, unused)
        new = module.visit(remover)
        return new, remover.changed
    before = module.code
    new = slow_remover(context).transform_module(module)
    return new, new.code != before
