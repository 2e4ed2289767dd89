"""`python -m tracker`: the tracker command line."""

from tracker.cli import main

main()
