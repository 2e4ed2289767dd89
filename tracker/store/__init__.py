"""Storage: engines and migrations (`db`), the SQLAlchemy rows (`models`, `queue`) and every
query (`repository`, `followup`, `migrate`, `outbox`). Only the services and the CLI's
composition use it."""
