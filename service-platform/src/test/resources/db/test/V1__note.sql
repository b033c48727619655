-- the test service's own record
create table note (
    id    uuid primary key,
    text  text not null
);
