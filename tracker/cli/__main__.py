"""`python -m tracker.cli`: the tracker command line."""

from tracker.cli.app import main

main()
