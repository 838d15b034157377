"""The repo pre-pass (codemods.prepass): modules handing out v1 clients, constants and wrappers
are found, their importers are analysed too, and a v1 value other modules read is not changed
under them without a mark in both places."""
from __future__ import annotations

import textwrap
from pathlib import Path

from codemods.prepass import module_facts, module_name, prepass
from migrate.rewrite import rewrite_paths

CLIENTS = 'import ding\n\nclient = ding.Ding(api_key=KEY)\nCUSTOMER = "c"\n'
IMPORTER = textwrap.dedent('''\
    from clients import CUSTOMER, client


    def carrier_of(phone_number):
        return client.lookup.lookup(phone_number, CUSTOMER)
    ''')
CONFIG = textwrap.dedent('''\
    import requests

    BASE = "https://api.ding.live/v1"
    HEADERS = {"X-API-Key": KEY}


    def start(phone):
        return requests.post(BASE + "/authentication", json={"phone_number": phone}, headers=HEADERS).json()
    ''')
USER = textwrap.dedent('''\
    import requests
    from config import BASE, start


    def ping():
        return requests.get(BASE + "/lookup/+33600000000")


    def begin(phone):
        return start(phone)["authentication_uuid"]
    ''')


def write(folder: Path, files: dict) -> list:
    paths = []
    for name, text in files.items():
        (folder / name).write_text(text)
        paths.append(folder / name)
    return paths


def test_module_facts_from_the_top_level_only():
    facts = module_facts(CONFIG + CLIENTS + "from ding.models import components\n")
    assert facts.constants == {"BASE", "HEADERS"}
    assert facts.wrappers == {"start"} and facts.clients == {"client"} and facts.reexports == {"components"}
    assert not module_facts("def f():\n    client = Ding(api_key=K)\nURL = 'https://api.prelude.dev/v2'\n")
    assert not module_facts("this is not python(")


def test_module_names_follow_packages(tmp_path):
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    (tmp_path / "app" / "config.py").write_text(CONFIG)
    assert module_name(str(tmp_path / "app" / "config.py")) == "app.config"
    assert module_name(str(tmp_path / "app" / "__init__.py")) == "app"


def test_prepass_records_definers_and_what_importers_read(tmp_path):
    paths = write(tmp_path, {"config.py": CONFIG, "user.py": USER, "clients.py": CLIENTS,
                             "importer.py": IMPORTER, "other.py": "import os\n"})
    repo = prepass([str(p) for p in paths])
    assert set(repo.modules) == {"config", "clients", "importer"}  # importer wraps a v1 call itself
    assert repo.modules["importer"].wrappers == {"carrier_of"}
    assert repo.imported_elsewhere == {"config": {"BASE", "start"}, "clients": {"client"}}
    assert b"config import" in repo.tokens and repo.seconds >= 0


def test_bytes_already_read_are_searched_instead_of_the_files(tmp_path, monkeypatch):
    """``lowered`` (what rewrite's pre-filter read): the same facts, and only the importers found
    in it are read again (for their parse)."""
    import codemods.prepass as prepass_module

    paths = [str(p) for p in write(tmp_path, {"config.py": CONFIG, "user.py": USER, "clients.py": CLIENTS,
                                              "importer.py": IMPORTER, "other.py": "import os\n"})]
    plain = prepass(paths)
    lowered = {p: Path(p).read_bytes().lower() for p in paths}
    read = []
    real = prepass_module._read
    monkeypatch.setattr(prepass_module, "_read", lambda path: read.append(Path(path).name) or real(path))
    again = prepass(paths, lowered=lowered)
    assert (again.modules, again.imported_elsewhere) == (plain.modules, plain.imported_elsewhere)
    assert "other.py" in read and read.count("other.py") == 1  # the triggers pass reads it; the search does not
    lowered[paths[-1]] = b"from config import base\n"  # what was read is what is searched
    assert prepass(paths, lowered=lowered).imported_elsewhere == plain.imported_elsewhere


def test_importers_are_rewritten_with_their_definers(tmp_path):
    paths = write(tmp_path, {"clients.py": CLIENTS, "importer.py": IMPORTER})
    results = {Path(r.path).name: r for r in rewrite_paths(paths, _all(), write=True, jobs=1)}
    assert results["importer.py"].changed
    text = (tmp_path / "importer.py").read_text()
    assert "client.lookup.lookup(phone_number)\n" in text  # the imported client is a v1 client
    assert "Prelude(api_token=KEY, max_retries=0)" in (tmp_path / "clients.py").read_text()


def test_a_v1_constant_other_modules_read_is_marked_in_both(tmp_path):
    paths = write(tmp_path, {"config.py": CONFIG, "user.py": USER})
    rewrite_paths(paths, _all(), write=True, jobs=1)
    config = (tmp_path / "config.py").read_text()
    user = (tmp_path / "user.py").read_text()
    # the definition stays v1 (user.py reads it) and says so
    assert 'BASE = "https://api.ding.live/v1"' in config
    assert config.split('BASE = "https://api.ding.live/v1"')[0].rstrip().splitlines()[-1].startswith(
        "# TODO(prelude-migration)")
    # every read in the importer is marked: the constant and the wrapper whose answers change
    assert "`BASE` is the v1 value `config.BASE`" in user
    assert "`start` (`config.start`) calls the v1 API in another module" in user
    assert rewrite_paths(paths, _all(), write=False, jobs=1)[1].status == "unchanged"  # idempotent


def _all():
    from migrate.rewrite import select_codemods
    return select_codemods()


VIEWS = textwrap.dedent('''\
    import config as cfg


    def begin(session, phone):
        body = cfg.start(phone)
        session["id"] = body["authentication_uuid"]
        return len(session)


    def again(phone):
        body = cfg.start(phone)
        body = {"copied": True}
        return body["copied"]


    def ping(requests):
        return requests.get(cfg.BASE + "/lookup/+33600000000")
    ''')


def _marks_above(text: str, line: str) -> list:
    """The TODO texts on the comment lines right above ``line`` (its first occurrence)."""
    lines = text.splitlines()
    index = next(i for i, current in enumerate(lines) if current.strip() == line)
    found = []
    while index > 0 and lines[index - 1].strip().startswith("# TODO(prelude-migration):"):
        index -= 1
        found.append(lines[index].strip()[len("# TODO(prelude-migration): "):])
    return found


def test_import_module_reads_and_a_wrapper_result_are_marked(tmp_path):
    paths = write(tmp_path, {"config.py": CONFIG, "views.py": VIEWS})
    repo = prepass([str(p) for p in paths])
    assert repo.imported_elsewhere == {"config": {"BASE", "start"}}  # `import config as cfg`: cfg.X reads
    rewrite_paths(paths, _all(), write=True, jobs=1)
    views = (tmp_path / "views.py").read_text()
    assert _marks_above(views, "body = cfg.start(phone)") == [
        "`cfg.start` (`config.start`) calls the v1 API in another module; once that module is migrated it "
        "returns v2 shapes and raises v2 errors: review what this code reads from it"]
    # the local bound once to the wrapper's result: its read is where the v2 shape goes wrong
    assert _marks_above(views, 'session["id"] = body["authentication_uuid"]') == [
        "`body` holds what `cfg.start` (`config.start`) (a v1 wrapper in another module) returned; once "
        "that module is migrated it is a v2 value (other fields and statuses): review this read"]
    assert _marks_above(views, "return len(session)") == []
    assert _marks_above(views, 'return body["copied"]') == []  # rebound: not followed
    assert "`cfg.BASE` is the v1 value `config.BASE`" in views
    assert rewrite_paths(paths, _all(), write=False, jobs=1)[1].status == "unchanged"  # idempotent


def test_dicts_of_device_type_members_and_their_importers_are_recorded(tmp_path):
    """A module dict of DeviceType members (flat, or records holding one) is a fact of its module,
    so the SDK codemods can leave it alone when another module imports it."""
    settings = ("from ding.models import components\n"
                "PLATFORMS = {'ios': components.DeviceType.IOS}\n"
                "TENANTS = {'acme': {'customer': 'c', 'platform': components.DeviceType.ANDROID}}\n"
                "OTHER = {'a': 1}\n")
    assert module_facts(settings).device_dicts == {"PLATFORMS", "TENANTS"}
    paths = write(tmp_path, {"settings.py": settings, "report.py": "from settings import TENANTS, OTHER\n"})
    assert prepass([str(p) for p in paths]).imported_elsewhere == {"settings": {"TENANTS"}}


def test_an_object_v1_responses_are_handed_to_is_recorded_and_its_receivers_are_marked(tmp_path):
    """``hub.emit("sent", res.create_authentication_response)`` hands a v1 response to ``hub``,
    imported from another module: that module's ``hub`` is a fact, and a module that registers a
    function on it (a decorator, or ``hub.add(fn)``) gets a TODO at the reads of that function's
    parameters. Before, such a receiver (no v1 import of its own) was not read at all."""
    sender = textwrap.dedent('''\
        import ding
        from ding.models import components

        from hubs import hub, unrelated

        client = ding.Ding(api_key=KEY)


        def send(phone):
            res = client.otp.create_authentication(components.CreateAuthenticationRequest(customer_uuid=C, phone_number=phone))
            sent = res.create_authentication_response
            hub.emit("sent", sent)
            unrelated.log(phone)
        ''')
    assert module_facts(sender).hands_to == {("hubs", "hub")}
    receiver = textwrap.dedent('''\
        from hubs import hub


        @hub.on("sent")
        def audit(event):
            return event.status.value


        def count(event, seen=[]):
            seen.append(event.authentication_uuid)


        hub.add(count)


        def other(event):
            return event.status.value
        ''')
    paths = write(tmp_path, {"sender.py": sender, "hubs.py": "hub = object()\nunrelated = object()\n",
                             "receiver.py": receiver})
    facts = prepass([str(p) for p in paths])
    assert facts.modules["hubs"].carriers == {"hub"}
    rewrite_paths(paths, _all(), write=True, jobs=1)
    new = (tmp_path / "receiver.py").read_text()
    todo = "# TODO(prelude-migration): this function is registered on `hub` (`hubs.hub`), which another module hands v1"
    lines = new.splitlines()
    marked = [lines[i + 1].strip() for i, line in enumerate(lines) if line.strip().startswith(todo)]
    assert marked == ["return event.status.value", "seen.append(event.authentication_uuid)"]  # not other()
