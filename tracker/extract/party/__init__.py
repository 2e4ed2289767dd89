"""Who is committed by one clause: an agentive subject, the doer of a passive, whoever states
it (speaker or source), the parties of an agreement; else the people named in the sentence,
the owner or the publisher of a thing that is the subject, or the organisation the text is
about. Pure; names and pronouns are resolved by tracker/extract/actors/."""

from tracker.extract.party.choose import clause_actors

__all__ = ["clause_actors"]
