"""Alembic environment: runs on the connection the program hands over."""

from alembic import context

import jarjestokeskus.db.models  # noqa: F401  (registers the tables)
from jarjestokeskus.db import search_index
from jarjestokeskus.db.base import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("migrations run from jarjestokeskus.db.migrate with a connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    transaction_per_migration=True,
    include_name=search_index.include_name,
)
with context.begin_transaction():
    context.run_migrations()
