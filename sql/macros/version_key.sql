-- A pipeline version as a list of integers, so that '0.10.0' sorts after '0.9.0'.
create temp macro version_key(version) as
    list_transform(string_split(version, '.'), part -> try_cast(part as integer))
