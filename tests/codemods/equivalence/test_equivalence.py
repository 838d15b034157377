"""Executed equivalence (issue 8, item 5): every program under tests/data/equivalence/ runs on the
v1 fake, is rewritten by the CLI and runs on the v2 fake; a site whose behaviour differs must
carry a TODO. ``known_defects.txt`` lists the sites still wrong (it must only shrink: a listed
site that became right fails too, so the list stays true)."""
from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

import equivalence_harness as harness

KNOWN = Path(__file__).with_name("known_defects.txt")


@pytest.fixture(scope="module")
def measured(tmp_path_factory):
    tree = tmp_path_factory.mktemp("equivalence")
    results, rewrite_run = harness.measure(tree)
    return tree, results, rewrite_run


def test_every_program_is_working_v1_code(measured):
    """No v1 step raised a Python error: the programs are valid v1 code on their own SDK."""
    _, results, _ = measured
    for result in results:
        for step in result.steps:
            assert not (step.v1[0] == "raised" and step.v1[1] == "python-error"), (result.name, step)


def known_defects():
    lines = [line.split("#")[0].strip() for line in KNOWN.read_text().splitlines()]
    return {line for line in lines if line}


def test_there_are_enough_programs_in_varied_environments():
    programs = harness.programs()
    assert len(programs) >= 25
    specs = {harness.sdk_spec(p) for p in programs}
    assert {"ding-client-sdk==1.3.0", "ding-api-client==3.3.0"} <= specs
    raw = [p for p in programs if not any("import ding" in f.read_text() or "from ding" in f.read_text()
                                          for f in harness.program_files(p))]
    assert len(raw) >= 5  # raw requests / httpx programs


def test_the_rewrite_ran_and_is_idempotent(measured):
    tree, _, rewrite_run = measured
    assert rewrite_run.returncode == 0, rewrite_run.stdout + rewrite_run.stderr
    again = harness.rewrite(tree, check=True)
    assert again.returncode == 0, again.stdout + again.stderr


def test_every_program_really_ran_on_v1_and_marks_its_sites(measured):
    _, results, _ = measured
    for result in results:
        assert result.sites, result.name
        assert not result.problems, (result.name, result.problems)
        assert result.steps, result.name


def test_no_site_is_silently_wrong_or_fails_without_a_todo(measured):
    _, results, _ = measured
    wrong = {f"{r.name}:{site} {verdict}" for r in results for site, verdict in r.sites.items()
             if verdict in (harness.SILENTLY_WRONG, harness.FAILING)}
    known = known_defects()
    assert wrong <= known, "new wrong sites:\n" + harness.report(results)
    assert known <= wrong, f"fixed, remove from {KNOWN.name}: {sorted(known - wrong)}"


# --- the harness itself can fail ----------------------------------------------------------

def _trace(outcome, requests=(), replies=()):
    return {"steps": [{"sites": ["s"], "outcome": outcome, "requests": list(range(len(requests)))}],
            "requests": list(requests), "replies": list(replies) or [{"status": 200, "body": {}}] * len(requests)}


def _file(tmp_path, body):
    path = tmp_path / "program.py"
    path.write_text(textwrap.dedent(body))
    return path


V2_HEADERS = {"authorization": f"Bearer {harness.V2_KEY}"}


def test_a_different_result_without_a_todo_is_silently_wrong(tmp_path):
    path = _file(tmp_path, "x = f()  # site: s\n")
    result = harness.compare("p", _trace(["returned", True]), _trace(["returned", False]), [path])
    assert result.sites == {"s": harness.SILENTLY_WRONG}


def test_a_v2_exception_without_a_todo_is_a_failure_and_a_todo_above_marks_it(tmp_path):
    v1, v2 = _trace(["returned", 1]), _trace(["raised", "python-error", "AttributeError"])
    assert harness.compare("p", v1, v2, [_file(tmp_path, "x = f()  # site: s\n")]).sites == {"s": harness.FAILING}
    marked = _file(tmp_path, "# TODO(prelude-migration): why\nx = f(\n    1)  # site: s\n")
    assert harness.compare("p", v1, v2, [marked]).sites == {"s": harness.MARKED}


def test_a_v2_hang_is_its_own_outcome_failing_without_a_todo_and_counted(tmp_path):
    """A step the runner stopped (["hung", seconds]) fails like a raise at an unmarked site,
    counts as marked under a TODO, and the figures line says how many sites were in hung steps."""
    v1, v2 = _trace(["returned", 1]), _trace(["hung", 60.0])
    unmarked = harness.compare("p", v1, v2, [_file(tmp_path, "x = f()  # site: s\n")])
    assert unmarked.sites == {"s": harness.FAILING}
    marked = harness.compare("p", v1, v2, [_file(tmp_path, "# TODO(prelude-migration): why\nx = f()  # site: s\n")])
    assert marked.sites == {"s": harness.MARKED}
    assert "; 1 sites in 1 hung steps" in harness.report([unmarked]).splitlines()[-2]


def test_the_wrong_phone_on_the_wire_is_silently_wrong_even_with_equal_results(tmp_path):
    create = {"method": "POST", "path": "/v1/authentication", "query": {}, "headers": {},
              "json": {"customer_uuid": "c", "phone_number": "+33600000001"}}
    check = {"method": "POST", "path": "/v1/check", "query": {}, "headers": {},
             "json": {"customer_uuid": "c", "authentication_uuid": "a-1", "check_code": "<code>"}}
    v1 = _trace(["returned", True], [create, check],
                [{"status": 200, "body": {"authentication_uuid": "a-1"}}, {"status": 200, "body": {}}])
    v2_create = {"method": "POST", "path": "/v2/verification", "query": {}, "headers": V2_HEADERS,
                 "json": {"target": {"type": "phone_number", "value": "+33600000001"}}}
    v2_check = {"method": "POST", "path": "/v2/verification/check", "query": {}, "headers": V2_HEADERS,
                "json": {"target": {"type": "phone_number", "value": "+33600000002"}, "code": "<code>"}}
    path = _file(tmp_path, "x = f()  # site: s\n")
    assert harness.compare("p", v1, _trace(["returned", True], [v2_create, v2_check]), [path]).sites == {
        "s": harness.SILENTLY_WRONG}
    v2_check["json"]["target"]["value"] = "+33600000001"
    assert harness.compare("p", v1, _trace(["returned", True], [v2_create, v2_check]), [path]).sites == {
        "s": harness.EQUIVALENT}


def test_a_v1_key_header_left_on_a_v2_request_is_a_difference(tmp_path):
    lookup = {"method": "GET", "path": "/v1/lookup/+33600000001", "query": {}, "headers": {}, "json": None}
    v2 = {"method": "GET", "path": "/v2/lookup/+33600000001", "query": {}, "json": None,
          "headers": dict(V2_HEADERS, **{"x-api-key": "test-v1-key"})}
    path = _file(tmp_path, "x = f()  # site: s\n")
    result = harness.compare("p", _trace(["returned", 1], [lookup]), _trace(["returned", 1], [v2]), [path])
    assert result.sites == {"s": harness.SILENTLY_WRONG}


def test_ids_and_api_texts_are_compared_by_what_they_are(tmp_path):
    v1 = _trace(["returned", {"id": "0b1c2d3e-0000-4000-8000-000000000abc", "why": "bad number"}],
                [{"method": "GET", "path": "/v1/x", "query": {}, "headers": {}, "json": None}],
                [{"status": 400, "body": {"message": "bad number"}}])
    v2 = _trace(["returned", {"id": "vrf_01HZZZ", "why": "not E.164"}],
                [{"method": "GET", "path": "/v2/x", "query": {}, "headers": V2_HEADERS, "json": None}],
                [{"status": 400, "body": {"message": "not E.164"}}])
    assert harness.normalise(v1) == harness.normalise(v2) == [["returned", {"id": "<id:1>", "why": "<api-message>"}]]


def test_a_site_mark_on_its_own_line_belongs_to_the_statement_below(tmp_path):
    path = _file(tmp_path, """\
        def f():
            # TODO(prelude-migration): why
            # site: s
            return g(
                1)
        y = 2  # site: t
        """)
    assert harness.has_todo(path, 3) is True
    assert harness.has_todo(path, 6) is False
    assert json.dumps(harness.sites(path)) == '{"s": 3, "t": 6}'


def test_a_coroutine_step_that_never_finishes_is_recorded_as_hung():
    """A rewritten call that kills the only worker of an asyncio queue leaves `queue.join()`
    waiting forever: the step is cancelled after `step_timeout` and recorded as hung (not as a
    TimeoutError the program raised), and the run goes on to the next step."""
    import asyncio

    from equivalence_runner import Run

    class _Fake:
        requests: list = []

    async def waits_forever():
        await asyncio.Event().wait()

    async def answers():
        return 42

    run = Run("v2", _Fake(), [])
    run.step_timeout = 0.2
    assert run.step("stuck", waits_forever) is None
    assert run.step("next", answers) == 42
    assert [s["outcome"] for s in run.steps] == [["hung", 0.2], ["returned", 42]]


def test_a_blocking_step_that_never_finishes_is_recorded_as_a_timeout():
    """The same for plain code blocked in the main thread (a thread queue's join() after its
    worker died): a timer interrupts the wait, the program's own `except Exception` cannot
    swallow it, and the next step runs."""
    import threading

    from equivalence_runner import Run

    class _Fake:
        requests: list = []

    def blocks():
        try:
            threading.Event().wait()
        except Exception:  # noqa: BLE001 - a program that would swallow a plain timeout
            threading.Event().wait()

    run = Run("v1", _Fake(), [])
    run.step_timeout = 0.1
    assert run.step("stuck", blocks) is None
    assert run.step("next", lambda: "went on") == "went on"
    assert [s["outcome"] for s in run.steps] == [["hung", 0.1], ["returned", "went on"]]


def test_a_timeout_the_program_raises_is_not_a_hang():
    import asyncio

    from equivalence_runner import Run

    class _Fake:
        requests: list = []

    async def gives_up():
        raise asyncio.TimeoutError("the program's own")

    run = Run("v2", _Fake(), [])
    run.step("own", gives_up)
    assert run.steps[0]["outcome"] == ["raised", "python-error", "TimeoutError"]
