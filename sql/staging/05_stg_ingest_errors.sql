-- One row per failure of one locator at one stage on one day: a fault that every hourly run
-- meets again (a dead feed) stays one row, with the newest detail and time it was seen.
with raw as (
    select * from raw_ingest_errors
)

select
    sha256(concat_ws(chr(31), source, locator, stage, error, ingest_day::varchar)) as error_id,
    source, locator, stage, error, detail, seen_at, ingest_day, run_key, pipeline_version
from raw
qualify row_number() over (
    partition by source, locator, stage, error, ingest_day order by written_at desc
) = 1
