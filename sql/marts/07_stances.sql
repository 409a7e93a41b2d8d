with stances as (
    select * from stg_stances
),

articles as (
    select doc_id, ingest_day from stg_articles
)

select
    stance_id, quote_id, stances.doc_id, speaker_id, target, polarity, score, method, is_main,
    articles.ingest_day, stances.pipeline_version
from stances
join articles using (doc_id)
order by stances.doc_id, quote_id, score desc
