"""The Jinja environments of sbs: sandboxed and strict, autoescaping for HTML.

One folder of ``templates/`` each: ``init`` (the scaffold, YAML and Markdown) and ``report``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from sbsguide.resources import shipped_dir

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def markdown_cell(value: object) -> str:
    """Text that cannot break a Markdown table row or start markup it should not."""
    text = _CONTROL.sub("\ufffd", str(value))  # a document carries no terminal escapes
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
    for special in ("<", ">", "*", "_", "`", "[", "]"):
        text = text.replace(special, "\\" + special)
    return text


def markdown_text(value: object) -> str:
    """Text in a Markdown paragraph that shows as written: no HTML, no markup it did not mean."""
    text = _CONTROL.sub("\ufffd", str(value)).replace("\\", "\\\\")
    for special in ("<", ">", "&", "*", "_", "`", "[", "]"):
        text = text.replace(special, "\\" + special)
    return text


@cache
def environment(folder_name: str, *, html: bool) -> SandboxedEnvironment:
    """The sandbox the templates of ``templates/<folder_name>`` render in.

    A Markdown template escapes what it prints with the ``cell`` and ``text`` filters, so a name
    from ``system.yaml`` can never become HTML or markup in the document.
    """
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
    env.filters["text"] = markdown_text
    return env
