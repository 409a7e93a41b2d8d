select doc_id from articles group by doc_id having count(*) > 1
