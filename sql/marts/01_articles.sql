with articles as (
    select * from stg_articles
),

extractions as (
    select doc_id, lang as detected_lang, quote_count from stg_extractions
)

select
    articles.doc_id, source, url, title, author, published,
    coalesce(extractions.detected_lang, articles.lang) as lang,
    text, text_sha256, duplicate_of, ingest_day, pipeline_version,
    extractions.quote_count
from articles
left join extractions using (doc_id)
order by ingest_day, doc_id
