"""Application code that only looks like v1, through ``scan``: a Django app called ``ding`` that
uses v1 in one module, the feedback words the app sends, and a PM115 feedback message that does
not present the inferred v2 mapping as fact."""
from scan_helpers import scan_tree, write_tree

SERVICES = "import ding_api_client\n\nCLIENT = ding_api_client.Ding(api_key='test-key')\n"
VIEWS = ("from ding import services\n\n\n"
         "def welcome(user):\n    if user.state == 'onboarded' or user.state == 'not_onboarded':\n"
         "        return services\n")
COMMAND = "from ding import services\n\n\ndef run(user):\n    return user.check == 'valid'\n"


def test_a_django_app_called_ding_is_not_the_v1_sdk_and_its_states_are_its_own(tmp_path):
    write_tree(tmp_path, {"site/ding/services.py": SERVICES, "site/ding/views.py": VIEWS,
                          "site/ding/management/commands/sync.py": COMMAND})
    found = {(f.path, f.rule, f.line) for f in scan_tree(tmp_path)[0]}
    assert ("site/ding/services.py", "PM103", 1) in found  # the real v1 import still is one
    assert not [f for f in found if f[0] != "site/ding/services.py"], found


def test_the_v1_feedback_enum_is_flagged_with_its_nearest_v2_type(tmp_path):
    write_tree(tmp_path, {"otp/answer.py": "import ding_api_client\n\n\nclass Answer:\n    ONBOARDED = 'onboarded'\n"})
    messages = [f.message for f in scan_tree(tmp_path)[0] if f.rule == "PM115"]
    assert len(messages) == 1 and "nearest type 'verification.completed' (ambiguous)" in messages[0], messages


def test_a_module_of_dings_organisation_that_is_not_an_sdk_gets_no_replacement(tmp_path):
    write_tree(tmp_path, {"main.go": 'package main\n\nimport (\n\tdc "github.com/ding-live/otp-demo/internal/client"\n'
                                     '\td "github.com/ding-live/ding-golang"\n)\n'})
    messages = {f.line: f.message for f in scan_tree(tmp_path)[0] if f.rule == "PM103"}
    assert "not a listed v1 SDK" in messages[4] and "move to" not in messages[4], messages
    assert "move to github.com/prelude-so/go-sdk" in messages[5], messages
