-- Feed for dashboards: the newest quotes first, with their speaker and source.
select quote_id, published, source, speaker_name, kind, cue, content, doc_id
from quotes
order by published desc nulls last, doc_id, content_start
