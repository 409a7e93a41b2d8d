select q.quote_id
from quotes q
join articles a using (doc_id)
where q.speaker_start is not null
  and substring(a.text, q.speaker_start + 1, q.speaker_end - q.speaker_start) <> q.speaker_mention
