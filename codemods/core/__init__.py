"""The floor both codemod families stand on: CST helpers (``nodes``), the one TODO-line
mechanism (``todo``), the one phone-number policy (``phone``), the ``Usage`` contract with the
scanner (``usage``) and the value-flow analysis (``flow``). Nothing here imports a codemod."""
