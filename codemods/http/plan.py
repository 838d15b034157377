"""What the ``raw-http`` codemod decides for one v1 call (shared with the URL planning)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, List, Optional, Tuple

import libcst as cst

from codemods.http.calls import HttpCall
from codemods.http.request_bodies import Edit, Render
from codemods.http.response_reads import ReadPlan


@dataclass
class CallPlan:
    call: HttpCall
    operation: str
    rewrite: bool = True
    todos: List[Tuple[cst.CSTNode, str]] = field(default_factory=list)
    body: Optional[cst.Dict] = None
    body_edit: Optional[Callable[[Render], Edit]] = None  # builds the new body from source text
    reads: Optional[ReadPlan] = None
    headers: Optional[cst.Dict] = None  # inline headers dict
    shared_headers: Optional[cst.Name] = None  # headers=NAME
    helper_headers: Optional[cst.Call] = None  # headers=helper(): a function of the module returning a dict

    def leave(self, node: cst.CSTNode, todo: str) -> None:
        """Leave the call as it is, with a TODO."""
        self.rewrite = False
        self.todos.append((node, todo))
