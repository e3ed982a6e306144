"""`sbs lsp`: the language server (pygls). Importing the package needs pygls (`[lsp]` extra)."""
