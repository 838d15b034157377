"""A DeviceType taken from a module dict (issue 8): both sides are rewritten when the dict's whole
flow is visible (codemods.sdk.device_maps), else the create keeps its TODO. Through the whole
rewrite, then a second run that changes nothing."""
from __future__ import annotations

import pytest

from rewrite_helpers import rewritten_twice

T = "# TODO(prelude-migration): "
HEAD = '''\
import ding
from ding.models import components

client = ding.Ding(api_key=KEY)
DEVICES = {"a": components.DeviceType.ANDROID, "i": components.DeviceType.IOS}
'''
DEVICE_TODO = f"{T}device_type is now signals.device_platform, a lower-case string"



@pytest.mark.parametrize("read", [
    "device = DEVICES[kind]\n    ",  # through a local read once
    "",  # straight into the model
])
def test_a_dict_read_only_into_rewritten_creates_becomes_v2_literals(read):
    value = "device" if read else "DEVICES[kind]"
    once = rewritten_twice(HEAD + f'''
def send(phone, kind):
    {read}client.otp.create_authentication(components.CreateAuthenticationRequest(
        customer_uuid=C, phone_number=phone, device_type={value}))
''')
    assert 'DEVICES = {"a": "android", "i": "ios"}' in once
    assert f'signals={{"device_platform": {value}}}' in once
    assert DEVICE_TODO not in once


@pytest.mark.parametrize("other_use", [
    "def kinds():\n    return list(DEVICES.values())\n",  # read another way
    "def pick(kind):\n    return DEVICES.get(kind)\n",  # .get: None would reach v2 as null
    "def send_raw(phone, kind):\n    client.otp.create_authentication(components.CreateAuthenticationRequest(\n"
    "        customer_uuid=C, phone_number=phone, device_type=DEVICES[kind], bogus=1))\n",  # a create left v1
])
def test_a_dict_with_any_other_reader_is_left_and_the_create_marked(other_use):
    once = rewritten_twice(HEAD + '''
def send(phone, kind):
    client.otp.create_authentication(components.CreateAuthenticationRequest(
        customer_uuid=C, phone_number=phone, device_type=DEVICES[kind]))

''' + other_use)
    assert 'DEVICES = {"a": components.DeviceType.ANDROID, "i": components.DeviceType.IOS}' in once
    assert DEVICE_TODO in once


def test_a_local_read_twice_keeps_the_todo():
    once = rewritten_twice(HEAD + '''
def send(phone, kind):
    device = DEVICES[kind]
    print(device)
    client.otp.create_authentication(components.CreateAuthenticationRequest(
        customer_uuid=C, phone_number=phone, device_type=device))
''')
    assert "components.DeviceType.ANDROID" in once and DEVICE_TODO in once


def test_a_conditional_of_two_members_maps_both_branches():
    once = rewritten_twice(HEAD.replace("DEVICES", "_unused") + '''
def send(phone, ios):
    client.otp.create_authentication(components.CreateAuthenticationRequest(
        customer_uuid=C, phone_number=phone,
        device_type=components.DeviceType.IOS if ios else components.DeviceType.ANDROID))
''')
    assert 'signals={"device_platform": "ios" if ios else "android"}' in once


def test_a_conditional_with_none_keeps_the_todo():
    once = rewritten_twice(HEAD + '''
def send(phone, ios):
    client.otp.create_authentication(components.CreateAuthenticationRequest(
        customer_uuid=C, phone_number=phone, device_type=components.DeviceType.IOS if ios else None))
''')
    assert DEVICE_TODO in once


RECORDS = '''\
import ding
from ding.models import components

client = ding.Ding(api_key=KEY)
TENANTS = {
    "acme": {"customer": C, "platform": components.DeviceType.ANDROID},
    "globex": {"customer": C, "platform": components.DeviceType.WEB},
}
'''
MAYBE_NONE = "may be None here"


@pytest.mark.parametrize("prefix, value", [
    ('conf = TENANTS[tenant]\n    ', 'conf["platform"]'),  # a record in a local, other keys read too
    ('', 'TENANTS[tenant]["platform"]'),  # straight into the model
])
def test_a_dict_of_records_read_only_into_rewritten_creates_becomes_v2_literals(prefix, value):
    """A per-tenant settings dict: the DeviceType key of every record becomes the v2 literal, the
    create passes the read on, and it is no "may be None" value (a literal in every record)."""
    customer = 'conf["customer"]' if prefix else 'TENANTS[tenant]["customer"]'
    once = rewritten_twice(RECORDS + f'''
def send(phone, tenant):
    {prefix}client.otp.create_authentication(components.CreateAuthenticationRequest(
        customer_uuid={customer}, phone_number=phone, device_type={value}))
''')
    assert '"acme": {"customer": C, "platform": "android"},' in once
    assert '"globex": {"customer": C, "platform": "web"},' in once
    assert f'signals={{"device_platform": {value}}}' in once
    assert DEVICE_TODO not in once and MAYBE_NONE not in once


@pytest.mark.parametrize("other_use", [
    "def platforms():\n    return [t['platform'] for t in TENANTS.values()]\n",  # iterated
    "def conf(tenant):\n    return TENANTS[tenant]\n",  # a record passed on
    "def platform(tenant):\n    return TENANTS[tenant].get('platform')\n",  # .get on a record
    "def platform(tenant):\n    return TENANTS[tenant]['platform']\n",  # the key read elsewhere
])
def test_a_dict_of_records_with_any_other_reader_is_left_and_the_create_marked(other_use):
    once = rewritten_twice(RECORDS + '''
def send(phone, tenant):
    client.otp.create_authentication(components.CreateAuthenticationRequest(
        customer_uuid=C, phone_number=phone, device_type=TENANTS[tenant]["platform"]))

''' + other_use)
    assert '"platform": components.DeviceType.ANDROID' in once
    assert DEVICE_TODO in once


@pytest.mark.parametrize("importer", [True, False])
def test_a_dict_another_module_imports_is_left_and_the_create_marked(tmp_path, importer):
    """Its readers there are not seen (`report.py` compares a record with a v1 member): through
    the CLI, the repo pre-pass says another module imports it, so it stays v1 and the create keeps
    its TODO. With no importer it is rewritten as above."""
    from migrate.cli import cli
    from rewrite_helpers import cli_runner

    (tmp_path / "settings.py").write_text(RECORDS + '''
def send(phone, tenant):
    client.otp.create_authentication(components.CreateAuthenticationRequest(
        customer_uuid=C, phone_number=phone, device_type=TENANTS[tenant]["platform"]))
''')
    if importer:
        (tmp_path / "report.py").write_text(
            "from ding.models import components\n\nfrom settings import TENANTS\n\n\n"
            "def web_tenants():\n"
            "    return [t for t in TENANTS if TENANTS[t]['platform'] == components.DeviceType.WEB]\n")
    done = cli_runner().invoke(cli, ["rewrite", "--no-gitignore", str(tmp_path)])
    assert done.exit_code == 0, done.output
    settings = (tmp_path / "settings.py").read_text()
    if importer:
        assert '"platform": components.DeviceType.ANDROID' in settings and DEVICE_TODO in settings
        assert "components.DeviceType.WEB" in (tmp_path / "report.py").read_text()
    else:
        assert '"platform": "android"' in settings and DEVICE_TODO not in settings
