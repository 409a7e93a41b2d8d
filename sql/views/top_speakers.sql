-- Feed for dashboards: who is quoted most, with how many articles.
select speaker_id, name, type, quote_count, article_count
from speakers
where quote_count > 0
order by quote_count desc, name
