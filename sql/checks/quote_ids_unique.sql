select quote_id from quotes group by quote_id having count(*) > 1
