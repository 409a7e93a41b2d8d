select stance_id from stances
where polarity not in ('favor', 'against', 'neutral') or score < 0 or score > 1
