"""The performance tables in README.md and docs/performance.md are the ones bench/results.json gives.

``nox -s bench`` writes both after a full run; these tests run ``bench/run.py`` as a subprocess
(nothing is measured) so that a hand-edited figure or a results file committed without its
tables fails here.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.json"


def _check_tables(results: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--check-tables", "--output", str(results)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_committed_tables_match_the_committed_results() -> None:
    checked = _check_tables(RESULTS)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_changed_figure_makes_both_tables_stale(tmp_path: Path) -> None:
    results = json.loads(RESULTS.read_text("utf-8"))
    results["sign"]["us_per_request"] += 1.0
    changed = tmp_path / "results.json"
    changed.write_text(json.dumps(results), encoding="utf-8")
    checked = _check_tables(changed)
    assert checked.returncode == 1
    assert "README.md: its table differs" in checked.stdout
    assert "docs/performance.md: its table differs" in checked.stdout


def test_readme_has_a_performance_section_holding_the_table() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("\n## Performance\n", 1)[1].split("\n## ", 1)[0]
    assert "<!-- bench-table:" in section and "| measure " in section and "Targets met:" in section
