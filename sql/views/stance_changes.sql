-- Changes of position: for each speaker and target, the stances whose polarity differs from
-- the speaker's previous stance on that target, in the order of the statements (event date,
-- then article and position in it). Each row shows the previous stance beside the new one.
with stances as (
    select stance_id, quote_id, doc_id, speaker_id, target, polarity, score from stances
    where speaker_id is not null
),

events as (
    select quote_id, try_cast(event_date as date) as event_date, date_precision from events
),

quotes as (
    select quote_id, content_start, content from quotes
),

speakers as (
    select speaker_id, name from speakers
),

ordered as (
    select
        stances.*,
        events.event_date,
        events.date_precision,
        quotes.content,
        lag(stances.polarity) over by_time as previous_polarity,
        lag(events.event_date) over by_time as previous_date,
        lag(stances.quote_id) over by_time as previous_quote_id,
        lag(quotes.content) over by_time as previous_content
    from stances
    left join events using (quote_id)
    left join quotes using (quote_id)
    window by_time as (
        partition by stances.speaker_id, stances.target
        order by events.event_date nulls last, stances.doc_id, quotes.content_start
    )
)

select
    ordered.speaker_id,
    speakers.name as speaker_name,
    ordered.target,
    ordered.previous_polarity,
    ordered.polarity,
    ordered.previous_date,
    ordered.event_date,
    ordered.date_precision,
    ordered.previous_quote_id,
    ordered.quote_id,
    ordered.previous_content,
    ordered.content,
    ordered.score
from ordered
left join speakers using (speaker_id)
where ordered.previous_polarity is not null
  and ordered.polarity <> ordered.previous_polarity
order by ordered.target, speaker_name, ordered.event_date nulls last
