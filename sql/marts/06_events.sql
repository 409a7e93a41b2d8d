with events as (
    select * from stg_events
),

articles as (
    select doc_id, ingest_day, published from stg_articles
)

select
    event_id, quote_id, events.doc_id, speaker_id, event_type, cameo_code,
    try_cast(event_date as date) as event_date, date_text, date_precision, place,
    articles.published, articles.ingest_day, events.pipeline_version
from events
join articles using (doc_id)
order by event_date nulls last, events.doc_id
