"""Alembic's no-op autogenerate comparison on the benchmark's database (issue #6's peer comparison).

Alembic compares SQLAlchemy models with a live database. The benchmark has Java entities, not Python models, so the
models are stood in for by reflecting the same database into a MetaData first (timed apart: importing real model
modules would cost something else); then ``alembic.autogenerate.compare_metadata`` runs the comparison Alembic's
``revision --autogenerate`` runs, which reads the catalog again, table by table. Prints ``PHASE name ms`` lines and
the number of differences found (a no-op should find few or none; reflection round trips are not exact). Options:
``compare_type`` on (the default of Alembic 1.12+), ``compare_server_default`` off (Alembic's default; with reflected
models it would compare each default by a query to the server, and fails on reflected string defaults).

Usage: python3 alembic_compare.py postgresql+psycopg2://user:password@host:port/database
Needs Debian's python3-alembic and python3-psycopg2 (apt), nothing from PyPI.
"""
import sys
import time

start = time.monotonic()
import sqlalchemy  # noqa: E402
from alembic.autogenerate import compare_metadata  # noqa: E402
from alembic.migration import MigrationContext  # noqa: E402

IGNORED = {"autogen_version", "autogen_history", "autogen_lock"}


def main(url):
    imported = time.monotonic()
    print(f"PHASE python_imports {round((imported - start) * 1000)}", flush=True)
    engine = sqlalchemy.create_engine(url)
    with engine.connect() as connection:
        t0 = time.monotonic()
        models = sqlalchemy.MetaData()
        models.reflect(bind=connection)
        for name in list(models.tables):
            if name in IGNORED:
                models.remove(models.tables[name])
        t1 = time.monotonic()
        print(f"PHASE reflect_models {round((t1 - t0) * 1000)} tables={len(models.tables)}", flush=True)
        context = MigrationContext.configure(connection, opts={
            "compare_type": True,
            "include_name": lambda name, type_, parent: not (type_ == "table" and name in IGNORED),
        })
        differences = compare_metadata(context, models)
        t2 = time.monotonic()
        print(f"PHASE compare_metadata {round((t2 - t1) * 1000)}", flush=True)
        print(f"DIFFERENCES {len(differences)}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
