"""`python -m sbsguide` runs the `sbs` command line."""

from sbsguide.cli import main

main()
