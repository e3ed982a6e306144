"""Wheel build hook: what every `sbs check` would otherwise work out again at start-up.

The package's YAML data files parsed once, as ``sbsguide/_data.pickle``: an installed `sbs check`
loads the guide, the catalogue and the messages without parsing YAML (resources.py). The root
models' validator schemas, as ``sbsguide/_validators.pickle`` (prebuilt.py). Editable installs
read the YAML and the models as they are edited, so they get neither.
"""

from __future__ import annotations

import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompiledData(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        source = Path(self.root) / "src"
        sys.path.insert(0, str(source))
        try:
            from sbsguide import prebuilt
            from sbsguide.resources import COMPILED, data_files, parse_text

            compiled = {
                key: parse_text(path.read_text(encoding="utf-8"), str(path))
                for key, path in data_files(source / "sbsguide").items()
            }
            validators = prebuilt.compile_schemas()
        finally:
            sys.path.remove(str(source))
        folder = Path(tempfile.mkdtemp(prefix="sbs-data-"))
        target = folder / COMPILED
        target.write_bytes(pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL))
        build_data["force_include"][str(target)] = f"sbsguide/{COMPILED}"
        schemas = folder / prebuilt.FILE
        schemas.write_bytes(validators)
        build_data["force_include"][str(schemas)] = f"sbsguide/{prebuilt.FILE}"
