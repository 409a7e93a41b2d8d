with raw as (
    select * from raw_stances
),

current_extractions as (
    select doc_id, run_key, written_at from stg_extractions
)

select raw.*
from raw
join current_extractions using (doc_id, run_key, written_at)
qualify row_number() over (partition by raw.stance_id order by raw.written_at desc) = 1
