select q.quote_id from quotes q anti join articles a using (doc_id)
