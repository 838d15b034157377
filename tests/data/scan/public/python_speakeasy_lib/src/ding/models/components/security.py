"""Shape of ding-live/ding-python src/ding/models/components/security.py (rewritten, not copied)."""
from __future__ import annotations

import dataclasses


@dataclasses.dataclass
class Security:
    api_key: str = dataclasses.field(metadata={'security': {'scheme': True, 'type': 'apiKey', 'sub_type': 'header', 'field_name': 'x-api-key'}})
