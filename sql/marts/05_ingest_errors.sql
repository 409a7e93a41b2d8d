with errors as (
    select * from stg_ingest_errors
)

select error_id, source, locator, stage, error, detail, seen_at, ingest_day, run_key,
       pipeline_version
from errors
order by ingest_day, seen_at
