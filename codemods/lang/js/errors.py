"""v1 error codes compared in a function that calls v1: ``err.code === "negative_balance"``
and ``case "negative_balance":`` under ``switch (x.code)`` move to the v2 codes of the
knowledge layer's table; codes that v2 reports as a 200 status (``blocked_number``) get a TODO."""
from __future__ import annotations

from typing import List, Tuple

from codemods.lang.edits import Edit, Mark
from codemods.lang.js.nodes import line_of, span, statement_of, string_value
from compat.knowledge.errors import V1_TO_V2_ERRORS
from compat.knowledge.todos import blocked_status_todo, check_status_todo

_COMPARISONS = frozenset({"===", "==", "!==", "!="})
NO_V2_CODE_TODO = "v1 error '{code}' has no v2 error code ({note})"


def _is_code_read(node) -> bool:
    return node is not None and node.kind() == "member_expression" and node.field("property").text() == "code"


def error_code_edits(scope) -> Tuple[List[Edit], List[Mark]]:
    edits: List[Edit] = []
    marks: List[Mark] = []

    def moved(literal_node, code: str, whole, expr, negated: bool, case_end=None):
        move = V1_TO_V2_ERRORS[code]
        quote = literal_node.text()[0]
        if move.blocked_reason:
            marks.append(Mark(line_of(statement_of(whole)), blocked_status_todo(code, move.blocked_reason)))
        elif move.check_status:
            marks.append(Mark(line_of(statement_of(whole)), check_status_todo(code, move.check_status)))
        if not move.v2_codes:
            if not (move.blocked_reason or move.check_status):
                marks.append(Mark(line_of(statement_of(whole)), NO_V2_CODE_TODO.format(code=code, note=move.note)))
            return
        if len(move.v2_codes) == 1 or case_end is not None:
            if case_end is not None:
                labels = f"{quote}{move.v2_codes[0]}{quote}:" + "".join(
                    f" case {quote}{c}{quote}:" for c in move.v2_codes[1:])
                edits.append(Edit(span(literal_node)[0], case_end, labels, "error-code"))
            else:
                edits.append(Edit(*span(literal_node), f"{quote}{move.v2_codes[0]}{quote}", "error-code"))
            return
        listed = ", ".join(f"{quote}{c}{quote}" for c in move.v2_codes)
        edits.append(Edit(*span(whole), f"{'!' if negated else ''}[{listed}].includes({expr.text()})", "error-code"))

    for binary in scope.find_all(kind="binary_expression"):
        if binary.field("operator").text() not in _COMPARISONS:
            continue
        left, right = binary.field("left"), binary.field("right")
        for expr, other in ((left, right), (right, left)):
            code = string_value(other)
            if _is_code_read(expr) and code in V1_TO_V2_ERRORS:
                moved(other, code, binary, expr, binary.field("operator").text().startswith("!"))
    for switch in scope.find_all(kind="switch_statement"):
        value = switch.field("value")
        inner = value.named_children()[0] if value is not None and value.named_children() else None
        if not _is_code_read(inner):
            continue
        for case in switch.field("body").named_children():
            literal = case.field("value") if case.kind() == "switch_case" else None
            code = string_value(literal)
            if code in V1_TO_V2_ERRORS:
                colon = next(c for c in case.children() if c.text() == ":")
                moved(literal, code, case, None, False, span(colon)[1])
    return edits, marks
