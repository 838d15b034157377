"""How long the notebook path takes on a big notebook: ``python bench/scan_notebook_speed.py``.

Builds an nbformat-4 notebook just under the 2 MiB limit (200 code cells using the v1 SDK, one
1.5 MB base64 image output, like a plotting notebook) and scans it in memory with every rule,
then the same text named ``.json`` (text rules only) for comparison. Prints the median of runs.
"""
from __future__ import annotations

import argparse
import base64
import datetime as _dt
import json
import os
import statistics
import time

from migrate.scan.engine import FileScanner, ScanOptions
from migrate.scan.rules import ALL_RULES


def build_notebook() -> bytes:
    cells = [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
              "source": ["%pip install ding-api-client\n", "import ding\n", "from ding.models import components\n",
                         "s = ding.Ding(api_key='test-v1-key')\n"]}]
    for index in range(200):
        cells.append({"cell_type": "code", "metadata": {}, "execution_count": index, "outputs": [],
                      "source": [f"r{index} = s.otp.check(components.CreateCheckRequest(customer_uuid='c', "
                                 f"authentication_uuid='a{index}', check_code='1'))\n", f"print(r{index})\n"]})
    image = base64.b64encode(os.urandom(1_100_000)).decode()
    cells.append({"cell_type": "code", "metadata": {}, "execution_count": 201, "source": ["plot()\n"],
                  "outputs": [{"output_type": "display_data", "metadata": {}, "data": {"image/png": image}}]})
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    data = build_notebook()
    scanner = FileScanner(ScanOptions(tuple(ALL_RULES), _dt.date(2026, 5, 1)))
    scanner.scan_bytes("warm.ipynb", data)  # imports libcst and the detection once
    for name in ("bench.ipynb", "bench.json"):
        times, findings = [], 0
        for _ in range(args.runs):
            started = time.perf_counter()
            findings = len(scanner.scan_bytes(name, data).findings)
            times.append(time.perf_counter() - started)
        print(f"{name}: {len(data) / 1e6:.2f} MB, {findings} findings, "
              f"median {statistics.median(times) * 1000:.0f} ms over {args.runs} runs")


if __name__ == "__main__":
    main()
