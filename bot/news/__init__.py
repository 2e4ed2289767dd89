"""Followed news in the chat: the feed batch message, goal-post history, suggested evidence
(`views`, pure text), and their buttons with the `mv:`/`ev:` callback grammar (`keyboards`)."""
