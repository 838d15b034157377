"""SHIM, to be removed: the facts moved to ``compat.knowledge`` (one module per topic). This
module only re-exports the old names so that code written against it keeps working while it
is switched over; new code imports from ``compat.knowledge.<topic>``. Nothing is defined here.

``V1_PACKAGES`` here keeps its old meaning, the distribution names per ecosystem
(``compat.knowledge.packages.V1_DISTRIBUTIONS``).
"""
from __future__ import annotations

from compat.knowledge.config_names import (  # noqa: F401
    V1_CONFIG_NAMES, V1_CONFIG_NAMES_DISTINCTIVE, V2_API_KEY_ENV, V2_BASE_URL_ENV)
from compat.knowledge.deadlines import DEADLINES, Deadline  # noqa: F401
from compat.knowledge.docs_links import (  # noqa: F401
    DOCS_HOSTS_OLD, DOCS_LINK_MOVES, MIGRATION_GUIDE_URL, current_docs_link)
from compat.knowledge.enums import (  # noqa: F401
    CHANNEL_V2_TO_V1_CAPABILITY, DELIVERY_STATUS_V2_TO_V1, DEVICE_TYPE_V1_TO_V2, DEVICE_TYPE_V2_TO_V1,
    FEEDBACK_STATUS_V1_TO_V2, LINE_TYPE_V1_TO_V2, LINE_TYPE_V2_TO_V1)
from compat.knowledge.errors import (  # noqa: F401
    V1_CODES_MISSING_FROM_SDK, V1_DOC_URL, V1_ERROR_CODES, V1_TO_V2_ERRORS, V2_CREDENTIAL_CODES,
    V2_ERROR_CODES, V2_TO_V1_ERRORS, V2_UNVERIFIED_CODES, V1ErrorMove, v1_error_for_v2, v2_errors_for_v1)
from compat.knowledge.hosts import (  # noqa: F401
    LEGACY_V2_BASE_URL, V1_AUTH_HEADER, V1_BASE_URL, V1_CUSTOMER_HEADER, V1_HOST, V2_AUTH_HEADER,
    V2_AUTH_SCHEME, V2_BASE_URL, V2_HOST, V2_ORIGIN)
from compat.knowledge.operations import (  # noqa: F401
    CHECK_FIELD_MOVES, CREATE_FIELD_MOVES, CREATE_FIELD_REVIEW, CREATE_FIELD_TRANSFORMS,
    LOOKUP_FIELD_MOVES, OPERATIONS, V1_CREATE_BOOLEAN_FIELDS, Operation)
from compat.knowledge.packages import (  # noqa: F401
    V1_SOURCE_NAMESPACES, V2_CLIENT_SHAPES, V2_PACKAGES)
from compat.knowledge.packages import V1_DISTRIBUTIONS as V1_PACKAGES  # noqa: F401
from compat.knowledge.sdk_shapes import (  # noqa: F401
    SDK_V1_CLIENT_CLASSES, SDK_V1_CLIENT_KEYWORDS, SDK_V1_ENUMS, SDK_V1_ERROR_CLASSES,
    SDK_V1_MODEL_MODULES, SDK_V1_PAYLOAD_ATTRS, SDK_V1_REQUEST_MODELS, SDK_V1_RESPONSE_FIELDS,
    SDK_V1_TYPE_MOVES, SDK_V2_CLIENT_CLASSES)
from compat.knowledge.statuses import (  # noqa: F401
    CHECK_STATUS_APPROXIMATE, CHECK_STATUS_V1_TO_V2, CHECK_STATUS_V2_TO_V1, CREATE_BLOCKED_AS_V1_ERROR,
    CREATE_BLOCKED_REASON_TO_V1_STATUS, CREATE_STATUS_V1_TO_V2, CREATE_STATUS_V2_TO_V1,
    RETRY_BLOCKED_REASON_TO_V1_STATUS, RETRY_STATUS_V1_TO_V2, RETRY_STATUS_V2_TO_V1, V1_CHECK_STATUSES,
    V1_CREATE_STATUSES, V1_RETRY_STATUSES, V2_BLOCK_REASONS)
from compat.knowledge.todos import TODO_MARKER  # noqa: F401

__all__ = [n for n in dir() if n.isupper() or n in {
    "Deadline", "Operation", "V1ErrorMove", "v1_error_for_v2", "v2_errors_for_v1", "current_docs_link"}]
