"""The Jinja environments of sbs: sandboxed and strict, autoescaping for HTML.

One folder of ``templates/`` each: ``init`` (the scaffold, YAML and Markdown) and ``report``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from sbsguide.resources import shipped_dir


def markdown_cell(value: object) -> str:
    """Text that cannot break a Markdown table row or start markup it should not."""
    text = str(value).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    for special in ("<", ">", "*", "_", "`", "[", "]"):
        text = text.replace(special, "\\" + special)
    return text


@cache
def environment(folder_name: str, *, html: bool) -> SandboxedEnvironment:
    """The sandbox the templates of ``templates/<folder_name>`` render in."""
    folder = Path(str(shipped_dir("templates"))) / folder_name
    env = SandboxedEnvironment(
        loader=FileSystemLoader(folder),
        autoescape=html,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["cell"] = markdown_cell
    return env
