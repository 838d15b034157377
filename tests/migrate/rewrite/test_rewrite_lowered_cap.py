"""migrate.rewrite.prefilter_paths keeps the pre-filter's lower-cased bytes only up to
LOWERED_KEPT_MAX in all: past the cap, the pre-pass and the importer re-check read the files
again, with the same candidates and the same facts."""
from __future__ import annotations

import textwrap

import codemods.prepass
from migrate import rewrite

FILES = {
    "clients.py": 'import ding\n\nclient = ding.Ding(api_key=KEY)\nCUSTOMER = "c"\n',
    "importer.py": textwrap.dedent('''\
        from clients import CUSTOMER, client


        def carrier_of(phone_number):
            return client.lookup.lookup(phone_number, CUSTOMER)
        '''),
    # no trigger of its own: a candidate only as an importer of the v1 wrapper carrier_of
    "caller.py": "from importer import carrier_of\n\n\ndef carrier(phone):\n    return carrier_of(phone)\n",
    "other.py": "def add(a, b):\n    return a + b\n",
}


def _prefiltered(tmp_path, monkeypatch):
    kept = []
    real = codemods.prepass.prepass

    def spy(python, candidates, lowered=None):
        kept.append(dict(lowered or {}))
        return real(python, candidates=candidates, lowered=lowered)

    monkeypatch.setattr(codemods.prepass, "prepass", spy)
    paths = sorted(tmp_path.iterdir())
    results, candidates, repo = rewrite.prefilter_paths(paths, rewrite.select_codemods())
    return [paths[i].name for i in candidates], repo, [r and r.status for r in results], kept[0]


def test_past_the_cap_the_same_candidates_and_facts(tmp_path, monkeypatch):
    for name, text in FILES.items():
        (tmp_path / name).write_text(text)
    candidates, repo, statuses, kept = _prefiltered(tmp_path, monkeypatch)
    assert candidates == ["caller.py", "clients.py", "importer.py"]
    assert repo.modules["importer"].wrappers == {"carrier_of"} and len(kept) == 4

    smallest = min(len(text) for text in FILES.values())
    for cap in (0, smallest):  # nothing kept / the first file that fits, then no room
        monkeypatch.setattr(rewrite, "LOWERED_KEPT_MAX", cap)
        capped_candidates, capped_repo, capped_statuses, capped_kept = _prefiltered(tmp_path, monkeypatch)
        assert sum(map(len, capped_kept.values())) <= cap and len(capped_kept) < 4
        assert capped_candidates == candidates and capped_statuses == statuses
        assert capped_repo.modules == repo.modules
        assert capped_repo.imported_elsewhere == repo.imported_elsewhere
