"""The document layer: how a document is written in each format, whatever the document is.

``docx`` (Word: page set-up, styles, tables, fields) and ``sheets`` (tables with their print
set-up, written as Excel or CSV). ``report/``, ``draft/`` and ``evaluate/`` build on it; it knows
nothing of standards.
"""
