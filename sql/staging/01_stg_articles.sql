-- One row per article id: the newest pipeline version, then the newest write.
with raw as (
    select * from raw_articles
)

select
    doc_id, source, url, title, author, published, lang, text, text_sha256, duplicate_of,
    ingest_day, run_key, written_at, pipeline_version
from raw
qualify row_number() over (
    partition by doc_id
    order by version_key(pipeline_version) desc,
             written_at desc
) = 1
