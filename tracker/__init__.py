"""Commitment tracker: the domain core (extraction, time normalisation, ledger, statistics)."""
