-- Offsets are code-point indices into articles.text: the content must be that slice.
select q.quote_id
from quotes q
join articles a using (doc_id)
where q.content_start < 0
   or q.content_end > length(a.text)
   or substring(a.text, q.content_start + 1, q.content_end - q.content_start) <> q.content
