"""The long tests and their seconds, for the order of the tests in several processes
(`pytest_collection_modifyitems` in tests/conftest.py).

`python -m tests.support.durations report.xml` writes durations.json from a JUnit report
of a full run (`make test PYTEST_ARGS=--junitxml=report.xml`).
"""

import json
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

FILE = Path(__file__).with_name("durations.json")
LONG = 4.0  # seconds; shorter tests are spread by xdist's work stealing alone


def recorded():
    return json.loads(FILE.read_text()) if FILE.exists() else {}


def write(report):
    seconds = {}
    for case in ElementTree.parse(report).iter("testcase"):
        if float(case.get("time")) >= LONG:
            path = case.get("classname").replace(".", "/") + ".py"
            seconds[f"{path}::{case.get('name')}"] = round(float(case.get("time")), 1)
    ordered = dict(sorted(seconds.items(), key=lambda pair: -pair[1]))
    FILE.write_text(json.dumps(ordered, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    write(sys.argv[1])
