create table treatment (
    slug    text primary key check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title   text not null,
    summary text not null
);
