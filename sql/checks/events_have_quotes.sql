select e.event_id from events e anti join quotes q using (quote_id)
