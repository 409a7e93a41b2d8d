-- Speakers are built here from all mentions, so extraction of a batch needs no shared state.
with mentions as (
    select * from mentions
),

quotes as (
    select * from quotes
),

name_counts as (
    select speaker_id, speaker_name, any_value(speaker_type) as type, count(*) as uses
    from (
        select speaker_id, speaker_name, speaker_type from mentions
        union all
        select speaker_id, speaker_name, speaker_type from quotes
    )
    where speaker_id is not null and speaker_name is not null
    group by speaker_id, speaker_name
),

names as (
    -- the display name: the resolved name the pipeline gave most often, longest on ties
    select speaker_id, speaker_name as name, type
    from name_counts
    qualify row_number() over (
        partition by speaker_id order by uses desc, length(speaker_name) desc, speaker_name
    ) = 1
),

aliases as (
    select speaker_id,
           list_sort(list_distinct(list(text) filter (where kind = 'name'))) as aliases,
           list_sort(list_distinct(list(text) filter (where kind = 'role'))) as roles,
           count(distinct doc_id) as article_count
    from mentions
    where speaker_id is not null
    group by speaker_id
),

quote_counts as (
    select speaker_id, count(*) as quote_count
    from quotes
    where speaker_id is not null
    group by speaker_id
)

select names.speaker_id, names.name, names.type,
       coalesce(aliases.aliases, []) as aliases, coalesce(aliases.roles, []) as roles,
       coalesce(quote_counts.quote_count, 0) as quote_count,
       coalesce(aliases.article_count, 0) as article_count
from names
left join aliases using (speaker_id)
left join quote_counts using (speaker_id)
order by quote_count desc, name
