"""The one anchored v1-host pattern and URL classification (compat.knowledge.hosts)."""
import pytest

from compat.knowledge.hosts import LEGACY_V2, V1_HOST_RE, classify_url, replace_legacy_host

V1_URLS = [
    ("https://api.ding.live/v1/authentication", "create"),
    ("http://api.ding.live/v1/check", "check"),
    ("//api.ding.live/v1/retry", "retry"),
    ("api.ding.live:443/v1/authentication/feedback", "feedback"),
    ("https://api.ding.live./v1/lookup/+33612345678", "lookup"),
    ("https://API.DING.LIVE/v1/authentication/1234", "status"),
    ("https%3A%2F%2Fapi.ding.live%2Fv1", "v1"),
    ("https://api.ding.live", "v1"),
    ("https://api.ding.live/v1", "v1"),
    ("https://api.ding.live/v1/nothing/here", "v1"),
    ("https://api.ding.live/v2/transactional", LEGACY_V2),
]
NOT_V1 = ["https://mbktrading.live/v1", "https://xapi.ding.live/v1/check", "my_api.ding.live/v1",
          "https://api.ding.live.example.com/v1/check", "https://api.prelude.dev/v2/verification",
          "api-ding-live", "api.ding.lively/v1"]


@pytest.mark.parametrize("url,operation", V1_URLS)
def test_v1_urls_are_recognised_with_their_operation(url, operation):
    assert classify_url(url) == operation


@pytest.mark.parametrize("text", NOT_V1)
def test_other_hosts_are_not_the_v1_host(text):
    assert classify_url(text) is None and V1_HOST_RE.search(text) is None


def test_path_ends_at_link_and_call_punctuation():
    match = V1_HOST_RE.search('see [docs](https://api.ding.live/v1/check), or "x"')
    assert match.group(0) == "https://api.ding.live/v1/check"
    assert match.group("path") == "/v1/check"


def test_port_and_scheme_are_groups():
    match = V1_HOST_RE.search("http://api.ding.live:8443/v1")
    assert (match.group("scheme"), match.group("port"), match.group("path")) == ("http://", ":8443", "/v1")


@pytest.mark.parametrize("before,after", [
    ("https://api.ding.live/v2/transactional", "https://api.prelude.dev/v2/transactional"),
    ("api.ding.live/v2", "api.prelude.dev/v2"),
    ("https://api.ding.live/v1/check", "https://api.ding.live/v1/check"),
    ("https://xapi.ding.live/v2/x", "https://xapi.ding.live/v2/x"),
])
def test_legacy_v2_host_swap_only_touches_v2_paths(before, after):
    assert replace_legacy_host(before) == after


@pytest.mark.parametrize("spelling", ["https://apı.ding.live/v1/authentication",  # dotless ı
                                      "https://api.dıng.live/v1/check",
                                      "https://apı.ding.live/v2/verification"])
def test_only_ascii_letters_fold_in_the_host(spelling):
    from codemods.detect import find_http_usages, http_usages_possible

    source = f"URL = {spelling!r}\n"
    assert classify_url(spelling) is None and V1_HOST_RE.search(spelling) is None
    assert replace_legacy_host(spelling) == spelling
    # the text gate (lower()) and the detection agree: nothing
    assert not http_usages_possible(source) and find_http_usages(source) == []
