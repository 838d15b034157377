"""Shape of ding-live/ding-python src/ding/models/components/createcheckrequest.py (rewritten, not copied)."""
from __future__ import annotations

import dataclasses

from dataclasses_json import Undefined, dataclass_json

from ding import utils


@dataclass_json(undefined=Undefined.EXCLUDE)
@dataclasses.dataclass
class CreateCheckRequest:
    customer_uuid: str = dataclasses.field(metadata={'dataclasses_json': {'letter_case': utils.get_field_name('customer_uuid')}})
    r"""Account UUID from the dashboard."""
    authentication_uuid: str = dataclasses.field(metadata={'dataclasses_json': {'letter_case': utils.get_field_name('authentication_uuid')}})
    check_code: str = dataclasses.field(metadata={'dataclasses_json': {'letter_case': utils.get_field_name('check_code')}})
