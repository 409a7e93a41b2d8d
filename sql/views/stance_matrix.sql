-- Stance matrix: for each speaker and target, per ISO week of the statement (the event date),
-- how many stances were for, against or neutral, and the mean signed score (favor counts
-- +score, against -score, neutral 0), so a dashboard can plot how positions move over time.
-- Statements without a date (no publication date) fall in a week of null.
with stances as (
    select stance_id, quote_id, speaker_id, target, polarity, score from stances
),

events as (
    select quote_id, try_cast(event_date as date) as event_date from events
),

speakers as (
    select speaker_id, name from speakers
),

dated_stances as (
    select
        stances.speaker_id,
        stances.target,
        stances.polarity,
        stances.score,
        events.event_date
    from stances
    left join events using (quote_id)
)

select
    dated_stances.speaker_id,
    speakers.name as speaker_name,
    dated_stances.target,
    strftime(dated_stances.event_date, '%G-W%V') as iso_week,
    cast(date_trunc('week', dated_stances.event_date) as date) as week_start,
    count(*) filter (where dated_stances.polarity = 'favor') as favor,
    count(*) filter (where dated_stances.polarity = 'against') as against,
    count(*) filter (where dated_stances.polarity = 'neutral') as neutral,
    count(*) as stances,
    round(avg(case dated_stances.polarity
        when 'favor' then dated_stances.score
        when 'against' then -dated_stances.score
        else 0 end), 4) as mean_signed_score
from dated_stances
left join speakers using (speaker_id)
group by dated_stances.speaker_id, speakers.name, dated_stances.target, iso_week, week_start
order by dated_stances.target, speaker_name, week_start nulls last
