with mentions as (
    select * from stg_mentions
)

select mention_id, doc_id, speaker_id, "start", "end", text, kind, speaker_name, speaker_type,
       pipeline_version
from mentions
order by doc_id, "start"
