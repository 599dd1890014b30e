"""The README's first example runs as written against the live server."""

import contextlib
import io
import re
from pathlib import Path

README = (Path(__file__).parents[1] / "README.md").read_text()


def test_the_readmes_example_runs(gable) -> None:
    example = re.search(r"```python\n(.*?)```", README, re.S)
    assert example is not None
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(example.group(1), "README.md", "exec"), {})
    lines = printed.getvalue().splitlines()
    assert lines[0].startswith("lead_")
    assert len(lines) > 2, "the lead, active properties and the 404"
    assert lines[-1].startswith("NOT_FOUND req_")
