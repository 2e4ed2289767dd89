# The bot in a slim image. Configuration comes only from the environment (see .env.example).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    TRACKER_DATA_DIR=/data

WORKDIR /app
COPY pyproject.toml README.md ./
COPY tracker ./tracker
COPY bot ./bot
COPY seeds ./seeds
RUN pip install . \
    && useradd --create-home --uid 10001 tracker \
    && mkdir -p /data && chown tracker:tracker /data

USER tracker
VOLUME ["/data"]
CMD ["tracker-bot", "run"]
