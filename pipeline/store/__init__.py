"""Storage: the Parquet lake (source of truth) and the DuckDB warehouse derived from it."""
