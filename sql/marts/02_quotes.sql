with quotes as (
    select * from stg_quotes
),

articles as (
    select doc_id, ingest_day, published, source from stg_articles
)

select
    quotes.quote_id, quotes.doc_id, kind, content, content_start, content_end,
    cue, cue_start, cue_end, cue_class,
    speaker_mention, speaker_start, speaker_end, speaker_id, speaker_name, speaker_type,
    speaker_aliases, confidence, lang,
    articles.published, articles.source, articles.ingest_day, quotes.pipeline_version
from quotes
join articles using (doc_id)
order by quotes.doc_id, content_start
