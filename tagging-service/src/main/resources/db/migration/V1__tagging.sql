-- tagging-service: its read model of the loan book's borrowers, the labels it computed, and what
-- analysts edit (overrides, custom-tag rules, risk-sector groups) with their audit trail.
-- Stored codes are explicit text (GIVEN, INFERRED, ENTERPRISE, ...), never an enum's ordinal.

-- The borrowers as loanbook.borrowers last said (newest revision wins; an older one is ignored).
create table borrower (
    borrower_id         text primary key,
    revision            integer     not null,
    customer_type       text        not null,
    region_code         text,
    industry_code       text,
    business_scope      text,
    employees           integer,
    annual_revenue_fen  bigint,
    total_assets_fen    bigint,
    received_at         timestamptz not null,
    -- set when something the labels depend on changed outside a borrower event (an override):
    -- the re-tagger clears it in the transaction that writes the new labels
    stale               boolean     not null default false
);
create index borrower_stale on borrower (borrower_id) where stale;

-- The labels of each borrower; tags holds the BorrowerTags message (protobuf) as published,
-- the columns beside it are for queries (mix, review list, backfill selection).
create table borrower_tags (
    borrower_id          text primary key references borrower (borrower_id),
    tags_version         bigint      not null,
    borrower_revision    integer     not null,
    industry_section     text,
    industry_division    text,
    industry_class       text,
    industry_source      text        not null,
    industry_confidence  double precision,
    given_code_status    text        not null,
    needs_review         boolean     not null,
    size_class           text        not null,
    province_code        text,
    prefecture_code      text,
    risk_groups          text[]      not null,
    custom_tags          text[]      not null,
    -- SHA-256 of the labels without version and revision: a recomputation that changes nothing
    -- writes nothing and publishes nothing
    fingerprint          bytea       not null,
    tags                 bytea       not null,
    tagged_at            timestamptz not null
);
create index borrower_tags_review on borrower_tags (borrower_id) where needs_review;
create index borrower_tags_division on borrower_tags (industry_division);

-- An analyst's override of one label of one borrower. Never deleted: revoking keeps the row.
create table tag_override (
    id             uuid primary key,
    borrower_id    text        not null,
    label          text        not null check (label in ('INDUSTRY', 'SIZE')),
    value          text        not null,
    reason         text        not null,
    created_by     text        not null,
    created_at     timestamptz not null,
    revoked_by     text,
    revoked_at     timestamptz,
    revoke_reason  text
);
create unique index tag_override_active on tag_override (borrower_id, label) where revoked_at is null;
create index tag_override_borrower on tag_override (borrower_id, created_at);

-- Custom-tag rules: a rule is a code with versions; at most one version is active.
create table tag_rule (
    code            text primary key,
    created_by      text        not null,
    created_at      timestamptz not null,
    active_version  integer
);

create table tag_rule_version (
    code          text        not null references tag_rule (code),
    version       integer     not null,
    name          text        not null,
    description   text,
    -- the condition as JSON (see docs: fields, operators)
    condition     text        not null,
    created_by    text        not null,
    created_at    timestamptz not null,
    primary key (code, version)
);

-- Risk-sector groups (catering, real estate, ...), editable; seeded from the domain core's
-- defaults at first start. Every edit is a new version; the highest version is in force.
create table risk_group_version (
    code        text        not null,
    version     integer     not null,
    name_zh     text        not null,
    name_en     text        not null,
    industries  text[]      not null,
    why         text        not null,
    retired     boolean     not null default false,
    created_by  text        not null,
    created_at  timestamptz not null,
    primary key (code, version)
);

-- Who did what, when, why: overrides, rules, risk groups, backfills.
create table audit_entry (
    id        bigserial primary key,
    at        timestamptz not null,
    actor     text        not null,
    action    text        not null,
    subject   text        not null,
    detail    text
);
create index audit_entry_subject on audit_entry (subject, at);

-- Bumped by every change of rules, risk groups or overrides: every pod reloads its policy when
-- it sees a new value (one row).
create table policy_state (
    id       boolean primary key default true check (id),
    version  bigint not null
);
insert into policy_state (id, version) values (true, 1);

-- Re-tagging jobs (after a rule or risk group changed): processed in borrower-id order in
-- chunks; cursor and counts are committed with each chunk, so a restart resumes where it stopped.
create table backfill_job (
    id              uuid primary key,
    reason          text        not null,
    requested_by    text        not null,
    requested_at    timestamptz not null,
    state           text        not null check (state in ('PENDING', 'RUNNING', 'DONE')),
    total           bigint      not null default 0,
    processed       bigint      not null default 0,
    changed         bigint      not null default 0,
    cursor          text,
    started_at      timestamptz,
    finished_at     timestamptz
);
