"""The store: SQLAlchemy models, engine setup, migrations and change notifications."""
