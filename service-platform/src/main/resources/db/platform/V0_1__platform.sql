-- service-platform's tables, in every service's own database (Flyway location db/platform; versions
-- 0.x sort before the service's own V1…, and services migrate with out-of-order allowed so a later
-- platform migration still applies to a database that is further along).

-- Transactional outbox: written in the same transaction as the change behind the event, published
-- by the relay (OutboxRelay) in Kafka transactions. payload is null for an event the service renders
-- at publish time (OutboxRenderer): one row may stand for one event or, streamed, for many.
create table outbox (
    id           bigserial primary key,
    event_id     uuid        not null default gen_random_uuid(),
    topic        text        not null,
    msg_key      text        not null,
    event_type   text        not null,
    -- the business date a rendered event refers to (e.g. the as-of date of a status change)
    ref_date     date,
    payload      bytea,
    traceparent  text,
    -- for a row standing for many events: the last key already published
    cursor       text,
    created_at   timestamptz not null default now()
);

-- Idempotent consumers: the ids of the events a consumer has applied, written in the same
-- transaction as the effect, so a redelivered event is recognised and changes nothing.
create table consumed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    consumed_at  timestamptz not null default now(),
    primary key (consumer, event_id)
);
