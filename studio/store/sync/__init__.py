"""Multi-station sync on one PostgreSQL database.

- `notify`: the small JSON payload `record_change` sends with `pg_notify` (delivered on commit).
- `feed`: which change_log ids a station has seen, so notifications and catch-up never double.
- `service`: the per-store thread: LISTEN, periodic catch-up on change_log, outbox flushing.
- `rows` / `outbox`: idempotent inserts of client-made rows, queued in a local SQLite file while
  the database link is down and replayed exactly once when it returns.
- `link`: online/offline and queued count, for the status bar and the offline banner.
- `lease`: which station drives a show's runner (heartbeat, explicit takeover).
"""
