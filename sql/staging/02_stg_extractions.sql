-- The extraction of each article that counts: newest pipeline version, then newest write.
-- Quotes and mentions are kept only from that extraction, so a re-extraction replaces
-- the facts of an article instead of adding to them.
with raw as (
    select * from raw_extractions
)

select doc_id, lang, quote_count, mention_count, run_key, written_at, pipeline_version
from raw
qualify row_number() over (
    partition by doc_id
    order by version_key(pipeline_version) desc,
             written_at desc
) = 1
