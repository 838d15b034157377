"""``sdk-imports``: v1 type references become ``prelude_python_sdk`` types (sdk-surfaces §3.8:
``operations.CheckResponse`` -> ``prelude_python_sdk.types.VerificationCheckResponse``,
``ding.Ding`` annotations -> ``Prelude``), then v1 imports that nothing uses any more are
removed. An import still used (a call left under a TODO) is kept. Runs last.
"""
from __future__ import annotations

import libcst as cst
from libcst.codemod.visitors import AddImportsVisitor, RemoveImportsVisitor

from codemods.detect import IMPORT_TRIGGERS, dotted_name
from codemods.sdk_common import SdkCodemod
from compat.tables import SDK_V1_CLIENT_CLASSES, SDK_V1_TYPE_MOVES
from libcst.metadata import QualifiedNameProvider

_CLIENT_CLASSES = frozenset(SDK_V1_CLIENT_CLASSES)


class SdkImportsCodemod(SdkCodemod):
    NAME = "sdk-imports"
    TRIGGERS = IMPORT_TRIGGERS
    DESCRIPTION = "v1 SDK type annotations -> prelude_python_sdk types; remove v1 ding imports left unused."
    METADATA_DEPENDENCIES = (*SdkCodemod.METADATA_DEPENDENCIES, QualifiedNameProvider)

    def visit_Module(self, node: cst.Module) -> None:
        self._annotation_depth = 0
        for imp in self.analysis.imports:
            if isinstance(imp, cst.Import):
                for alias in imp.names:
                    asname = alias.asname.name.value if alias.asname else None  # type: ignore[union-attr]
                    RemoveImportsVisitor.remove_unused_import(self.context, dotted_name(alias.name) or "",
                                                              asname=asname)
            elif not isinstance(imp.names, cst.ImportStar):
                module = dotted_name(imp.module) or ""  # type: ignore[arg-type]
                for alias in imp.names:
                    asname = alias.asname.name.value if alias.asname else None  # type: ignore[union-attr]
                    RemoveImportsVisitor.remove_unused_import(
                        self.context, module, dotted_name(alias.name) or "", asname=asname)

    def visit_Annotation(self, node: cst.Annotation) -> None:
        self._annotation_depth += 1

    def leave_Annotation(self, original_node: cst.Annotation, updated_node: cst.Annotation) -> cst.Annotation:
        self._annotation_depth -= 1
        return updated_node

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.BaseExpression:
        return self._in_annotation(original_node, updated_node)

    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.BaseExpression:
        return self._in_annotation(original_node, updated_node)

    def _in_annotation(self, original_node, updated_node):
        """v1 types anywhere inside an annotation (`Optional[operations.CheckResponse]` too)."""
        if self._annotation_depth <= 0:
            return updated_node
        new = self._v2_type(original_node)
        return new if new is not None else updated_node

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.Call:
        # isinstance(x, operations.CheckResponse) -> isinstance(x, prelude_python_sdk.types...)
        if isinstance(original_node.func, cst.Name) and original_node.func.value == "isinstance" \
                and len(original_node.args) == 2:
            new = self._v2_type(original_node.args[1].value)
            if new is not None:
                args = [updated_node.args[0], updated_node.args[1].with_changes(value=new)]
                return updated_node.with_changes(args=args)
        return updated_node

    def _v2_type(self, node: cst.BaseExpression):
        """The v2 type expression for a v1 type reference, scheduling its import; else None."""
        name = self.analysis.type_refs.get(node)
        if name is None:
            qnames = {q.name for q in self.get_metadata(QualifiedNameProvider, node, set())}
            if not qnames & _CLIENT_CLASSES:
                return None
            name = "Ding"
        target = SDK_V1_TYPE_MOVES.get(name)
        if target is None:
            return None
        module, _, cls = target.rpartition(".")
        if module == "prelude_python_sdk":
            AddImportsVisitor.add_needed_import(self.context, module, cls)
            return cst.Name(cls)
        AddImportsVisitor.add_needed_import(self.context, module)
        return cst.parse_expression(target)
