"""Project configuration: ``.sbs/config.yaml``, found as linters find theirs (SPEC §6).

The nearest ``.sbs/config.yaml`` from a checked file's folder upwards (or ``--config FILE``)
decides that file's rule selection, severities and extra catalogues; the run-wide settings
(``lang``, ``strict``) come from the flag, else ``SBS_LANG``, else the configuration nearest the
current directory. Flags always win. A malformed file is a usage error with its file:line:col and
a did-you-mean; paths in it are relative to the folder that holds it (``.sbs/``).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from sbsguide.config_words import EXPECTED, WORDS
from sbsguide.findings import Severity
from sbsguide.messages import Lang, Localised

CONFIG_PATH = (".sbs", "config.yaml")
KEYS = ("select", "ignore", "strict", "lang", "severity", "catalogues", "summary")
SUMMARY_KEYS = ("submitter", "preparer")


class ConfigError(Exception):
    """A configuration file sbs cannot use: a usage error (exit 2), located.

    It keeps what went wrong rather than a sentence, so the message is said in the run's language
    (the flag or SBS_LANG: the broken file's own ``lang`` cannot be trusted).
    """

    def __init__(self, where: str, word: str, **args: Any) -> None:
        super().__init__(where, word)
        self.where = where
        self.word = word
        self.args_ = args

    def render(self, lang: Lang) -> str:
        """The located message in ``lang``, with a did-you-mean where there is one."""
        pick = 0 if lang == "zh" else 1
        args: dict[str, Any] = {
            key: (value.zh if lang == "zh" else value.en) if isinstance(value, Localised) else value
            for key, value in self.args_.items()
        }
        problem = self.args_.get("problem")
        if problem is not None:  # the YAML reader's own words, as the system file gets them
            from sbsguide import messages

            args["detail"] = messages.render(problem.rule, problem.message, problem.args, lang)[0]
        message = WORDS[self.word][pick].format(**args)
        suggestion = self.args_.get("suggestion")
        hint = WORDS["did-you-mean"][pick].format(suggestion=suggestion) if suggestion else ""
        return f"{self.where}: {message}{hint}"

    def __str__(self) -> str:
        return self.render("zh")


@dataclass(frozen=True)
class Config:
    """What one configuration file says (None: it does not say)."""

    path: Path | None = None
    select: frozenset[str] | None = None
    ignore: frozenset[str] | None = None
    strict: bool | None = None
    lang: str | None = None
    severity: tuple[tuple[str, str], ...] = ()
    catalogues: tuple[str, ...] = ()
    summary: dict[str, str] = field(default_factory=dict, compare=False)  # the title block
    lines: dict[str, int] = field(default_factory=dict, compare=False)

    def origin(self, key: str) -> str:
        """Where a setting comes from: ``path:line``."""
        return f"{self.path}:{self.lines.get(key, 1)}"


REPOSITORY_MARKS = (".git", ".hg", ".svn")


def nearest(start: Path) -> Path | None:
    """The nearest ``.sbs/config.yaml`` from ``start`` (a file's folder, or a folder) upwards.

    The search stops at the repository root (a folder holding ``.git``, ``.hg`` or ``.svn``, whose
    own ``.sbs/`` still counts) and never goes above the user's home folder: a configuration
    planted higher up is never obeyed (SPEC §7).
    """
    try:
        folder = (start if start.is_dir() else start.parent).resolve()
    except (OSError, RuntimeError, ValueError):
        return None
    try:
        home: Path | None = Path.home().resolve()
    except (OSError, RuntimeError, KeyError):
        home = None  # no home folder known: the repository root alone bounds the search
    for candidate in (folder, *folder.parents):
        path = candidate.joinpath(*CONFIG_PATH)
        if path.is_file():
            return path
        if candidate == home or any((candidate / m).exists() for m in REPOSITORY_MARKS):
            return None
    return None


@cache
def load(path: Path) -> Config:
    """A configuration file, validated; :class:`ConfigError` says what is wrong and where."""
    from sbsguide.loader import decode, read_yaml
    from sbsguide.reading import TooLarge, human_size, read_limited

    try:
        text, _ = decode(read_limited(path))
    except TooLarge as error:
        raise ConfigError(f"{path}:1:1", "too-large", limit=human_size(error.limit)) from None
    except (OSError, ValueError) as error:
        raise ConfigError(str(path), "unreadable", reason=_reason(error)) from None
    if text is None:
        raise ConfigError(f"{path}:1:1", "encoding")
    document = read_yaml(text)
    if document.problems:
        problem = document.problems[0]
        place = f"{path}:{problem.line or 1}:{problem.column or 1}"
        if problem.line is None:  # a problem the reader places by path (a duplicate key)
            position = document.source.locate(problem.path)
            place = f"{path}:{position.line}:{position.column}"
        raise ConfigError(place, "syntax", problem=problem)
    data = document.data if document.data is not None else {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1:1", "mapping")

    def where(*key: str | int) -> str:
        position = document.source.locate(key)
        return f"{path}:{position.line}:{position.column}"

    for key in data:
        if key not in KEYS:
            close = difflib.get_close_matches(str(key), KEYS, n=1)
            suggestion = close[0] if close else ""
            raise ConfigError(where(key), "unknown-key", key=key, suggestion=suggestion)
    lines = {k: document.source.locate((k,)).line for k in data}
    select, ignore = _rules(data, "select", where), _rules(data, "ignore", where)
    both = sorted((select or frozenset()) & (ignore or frozenset()))
    if both:
        raise ConfigError(where("ignore"), "select-and-ignore", name=both[0])
    return Config(
        path=path,
        select=select,
        ignore=ignore,
        strict=_boolean(data, "strict", where),
        lang=_lang(data, where),
        severity=_severity(data, where),
        catalogues=_catalogues(data, path, where),
        summary=_summary(data, where),
        lines=lines,
    )


def _rules(data: dict[str, Any], key: str, where: Any) -> frozenset[str] | None:
    from sbsguide.rules import BY_NAME

    if key not in data:
        return None
    value = data[key] or []
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(where(key), "list-of-rules", key=key)
    for i, name in enumerate(value):
        if name not in BY_NAME:
            close = difflib.get_close_matches(name, list(BY_NAME), n=1)
            suggestion = close[0] if close else ""
            raise ConfigError(where(key, i), "unknown-rule", name=name, suggestion=suggestion)
    return frozenset(value) or (None if key == "select" else frozenset())


def _boolean(data: dict[str, Any], key: str, where: Any) -> bool | None:
    if key not in data:
        return None
    value = data[key]
    if isinstance(value, str):
        value = {"是": True, "否": False}.get(value, value)
    if not isinstance(value, bool):
        raise ConfigError(where(key), "boolean", key=key)
    return value


def _lang(data: dict[str, Any], where: Any) -> str | None:
    if "lang" not in data:
        return None
    if data["lang"] not in ("zh", "en"):
        raise ConfigError(where("lang"), "lang", value=data["lang"])
    return str(data["lang"])


def _severity(data: dict[str, Any], where: Any) -> tuple[tuple[str, str], ...]:
    """Per-rule severities: a rule may be raised; an error is never lowered below warning."""
    from sbsguide.guide import load_guide
    from sbsguide.rules import BY_NAME

    value = data.get("severity") or {}
    if not isinstance(value, dict):
        raise ConfigError(where("severity"), "mapping-of-severities")
    guide = load_guide()
    chosen = []
    for name, level in value.items():
        if name not in BY_NAME:
            close = difflib.get_close_matches(str(name), list(BY_NAME), n=1)
            suggestion = close[0] if close else ""
            raise ConfigError(
                where("severity", name), "unknown-rule", name=name, suggestion=suggestion
            )
        if level not in ("error", "warning", "info"):
            raise ConfigError(where("severity", name), "level", value=level)
        default = BY_NAME[name].default_severity(guide)
        if default is Severity.ERROR and level == "info":
            raise ConfigError(where("severity", name), "lowered", name=name)
        chosen.append((str(name), str(level)))
    return tuple(chosen)


def _catalogues(data: dict[str, Any], path: Path, where: Any) -> tuple[str, ...]:
    """Extra catalogue files, relative to the folder holding the configuration; each readable."""
    from sbsguide.catalogue import CatalogueError, read_user_catalogue

    value = data.get("catalogues") or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(where("catalogues"), "list-of-paths")
    resolved = []
    for i, name in enumerate(value):
        catalogue = path.parent / name
        try:
            catalogue = catalogue.resolve()
            read_user_catalogue(catalogue)
        except (OSError, RuntimeError, ValueError) as error:  # a link loop, a NUL in the name
            shown = str(catalogue).replace("\0", "\\0")
            reason = _reason(error)
            raise ConfigError(
                where("catalogues", i),
                "unreadable",
                reason=Localised(f"{shown}：{reason.zh}", f"{shown}: {reason.en}"),
            ) from None
        except CatalogueError as error:
            raise ConfigError(
                where("catalogues", i),
                f"catalogue-{error.reason}",
                place=f"{error.path}:{error.line}:{error.column}",
                detail=error.detail,
                value=error.value,
                expected=EXPECTED.get(error.detail, Localised("", "")),
                problem=error.problem,
            ) from None
        resolved.append(str(catalogue))
    return tuple(resolved)


def _summary(data: dict[str, Any], where: Any) -> dict[str, str]:
    """``summary: {submitter, preparer}``: the title block of ``sbs report --kind summary``."""
    value = data.get("summary") or {}
    if not isinstance(value, dict):
        raise ConfigError(where("summary"), "summary-mapping")
    for key, text in value.items():
        if key not in SUMMARY_KEYS:
            close = difflib.get_close_matches(str(key), SUMMARY_KEYS, n=1)
            suggestion = close[0] if close else ""
            raise ConfigError(where("summary", key), "unknown-key", key=key, suggestion=suggestion)
        if not isinstance(text, str):
            raise ConfigError(where("summary", key), "summary-text", key=key)
    return {str(k): str(v) for k, v in value.items()}


def _reason(error: Exception) -> Localised:
    """Why a path could not be used, in words (the OS's reason, a link loop, a NUL)."""
    from sbsguide.oserrors import os_reason

    if isinstance(error, OSError):
        return Localised(os_reason(error, "zh"), os_reason(error, "en"))
    if isinstance(error, RuntimeError):
        return Localised("符号链接循环", "a symbolic link loop")
    return Localised("路径中含有空字符(NUL)", "a NUL character in the path")


@dataclass(frozen=True)
class Settings:
    """The effective settings of a run or a file, and where each came from."""

    select: frozenset[str] | None
    ignore: frozenset[str]
    strict: bool
    lang: Lang
    severity: tuple[tuple[str, str], ...]
    catalogues: tuple[str, ...]
    origins: dict[str, str]


def effective(
    config: Config | None,
    *,
    select: frozenset[str] | None,
    ignore: frozenset[str] | None,
    strict: bool | None,
    lang: str | None,
    env_lang: str | None,
) -> Settings:
    """Flags, then (for lang) the environment, then the configuration, then the defaults."""
    config = config or Config()
    origins: dict[str, str] = {}

    def pick(key: str, flag: Any, configured: Any, default: Any) -> Any:
        if flag is not None:
            origins[key] = f"--{key}"
            return flag
        if configured is not None:
            origins[key] = config.origin(key)
            return configured
        origins[key] = "default"
        return default

    chosen_lang = pick("lang", lang or env_lang, config.lang, "zh")
    if lang is None and env_lang:
        origins["lang"] = "SBS_LANG"
    settings = Settings(
        select=pick("select", select, config.select, None),
        ignore=pick("ignore", ignore, config.ignore, frozenset()),
        strict=pick("strict", strict, config.strict, False),
        lang="en" if chosen_lang == "en" else "zh",
        severity=config.severity,
        catalogues=config.catalogues,
        origins=origins,
    )
    origins["severity"] = config.origin("severity") if config.severity else "default"
    origins["catalogues"] = config.origin("catalogues") if config.catalogues else "default"
    return settings
