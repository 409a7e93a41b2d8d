-- One row per failure of one locator at one stage and day; a re-run of the same run
-- replaces its own file, and repeated failures of other runs stay visible.
with raw as (
    select * from raw_ingest_errors
)

select
    sha256(concat_ws(chr(31), source, locator, stage, error, run_key)) as error_id,
    source, locator, stage, error, detail, seen_at, ingest_day, run_key, pipeline_version
from raw
qualify row_number() over (
    partition by source, locator, stage, error, run_key order by written_at desc
) = 1
