"""`sbs lsp`: the language server on standard input and output (see sbsguide/lsp)."""

from __future__ import annotations

from sbsguide.cli.common import LangOption
from sbsguide.cli.usage import UsageError, lang_of
from sbsguide.ui import text


def lsp(lang: LangOption = None) -> None:
    """语言服务器(LSP，标准输入输出)，供编辑器使用。Run the language server on stdio."""
    try:
        from sbsguide.lsp.server import run
    except ImportError:
        raise UsageError(text("lsp-missing", lang_of(lang))) from None
    run(lang)
