-- The loan book of ingestion-service. Money is numeric(18,2) (yuan, to the fen).
-- Bucket, stage and five-tier grade are stored as small integer codes whose meaning lives in
-- the lookup tables below; those tables are filled at start-up from the domain core's enums
-- (ReferenceData), so the DPD ranges and grade floors are defined once, in Java.

create table bucket_def (
    code     smallint primary key,
    label    text     not null unique,
    min_dpd  integer  not null,
    max_dpd  integer  not null,
    stage    smallint not null
);

-- per five-tier policy: the DPD ranges for which the floor is a given grade
create table grade_floor (
    policy   text     not null,
    grade    smallint not null,
    min_dpd  integer  not null,
    max_dpd  integer  not null,
    primary key (policy, grade)
);

-- which five-tier policy a product follows (products not listed follow the default)
create table product_policy (
    product  text primary key,
    policy   text not null
);

create table borrower (
    id               text primary key,
    type             text        not null check (type in ('INDIVIDUAL', 'ENTERPRISE')),
    name             text        not null,
    identity_hash    text        not null,
    identity_masked  text        not null,
    region_code      char(6)     not null,
    industry_code    text,
    business_scope   text,
    employees        integer,
    annual_revenue   numeric(18, 2),
    total_assets     numeric(18, 2),
    revision         integer     not null,
    content_hash     text        not null,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);

create table loan (
    id                      text primary key,
    borrower_id             text          not null references borrower (id),
    product                 text          not null,
    channel                 text          not null,
    disbursement_date       date          not null,
    principal               numeric(18, 2) not null,
    annual_rate             numeric(9, 6) not null,
    term_months             integer       not null,
    method                  text          not null,
    due_day                 smallint      not null,
    schedule_supplied       boolean       not null,
    state                   text          not null default 'OPEN' check (state in ('OPEN', 'SETTLED', 'WRITTEN_OFF')),
    outstanding_principal   numeric(18, 2) not null,
    credit                  numeric(18, 2) not null default 0,
    restructured            boolean       not null default false,
    grade_before_restructuring smallint,
    manual_grade            smallint,
    -- FiveTierClassification.classify(policy, 0, restructured, before, manual): the part of the
    -- grade that does not depend on DPD, kept here so the set-based close only needs greatest()
    grade_minimum           smallint      not null default 0,
    content_hash            text          not null,
    -- status as of the last daily close (defaults: current, C, NORMAL)
    dpd                     integer       not null default 0,
    bucket                  smallint      not null default 0,
    stage                   smallint      not null default 0,
    grade                   smallint      not null default 0,
    overdue_principal       numeric(18, 2) not null default 0,
    overdue_interest        numeric(18, 2) not null default 0,
    near_m2                 boolean       not null default false,
    near_m3                 boolean       not null default false,
    created_at              timestamptz   not null default now()
)
-- room on each page so that payment and close updates stay HOT (no new index entries)
with (fillfactor = 80);
create index loan_borrower on loan (borrower_id);
create index loan_open on loan (id) where state = 'OPEN';

create table installment (
    loan_id         text          not null references loan (id),
    number          integer       not null,
    due_date        date          not null,
    principal_due   numeric(18, 2) not null,
    interest_due    numeric(18, 2) not null,
    penalty_due     numeric(18, 2) not null default 0,
    principal_paid  numeric(18, 2) not null default 0,
    interest_paid   numeric(18, 2) not null default 0,
    penalty_paid    numeric(18, 2) not null default 0,
    -- a restructuring replaces the unpaid installments: the old ones stop counting on
    -- superseded_on, the new ones count from valid_from
    valid_from      date          not null,
    superseded_on   date,
    settled         boolean generated always as
        (principal_paid + interest_paid + penalty_paid >= principal_due + interest_due + penalty_due) stored,
    primary key (loan_id, number)
)
with (fillfactor = 85);
-- the daily close only visits installments that are still owed
create index installment_owed on installment (due_date, loan_id) where not settled and superseded_on is null;
-- a payment reads the first installments its loan still owes
create index installment_owed_by_loan on installment (loan_id, number) where not settled and superseded_on is null;

create table payment (
    id           text primary key,
    loan_id      text          not null references loan (id),
    value_date   date          not null,
    amount       numeric(18, 2) not null,
    credit       numeric(18, 2) not null,
    -- what the loan looked like right after this payment, so a replay is answered identically
    outstanding_after numeric(18, 2) not null,
    loan_state_after  text          not null,
    -- the allocation, oldest installment first (penalty, interest, principal of each)
    alloc_installment integer[]      not null,
    alloc_penalty     numeric(18, 2)[] not null,
    alloc_interest    numeric(18, 2)[] not null,
    alloc_principal   numeric(18, 2)[] not null,
    content_hash text          not null,
    received_at  timestamptz   not null default now()
);
create index payment_loan on payment (loan_id, value_date);

-- where each payment went, one row per installment it touched; a view over the payment's own arrays
-- so a payment is one row written, not one per installment
create view payment_allocation as
select p.id as payment_id, p.loan_id, a.installment, p.value_date, a.penalty, a.interest, a.principal
from payment p
cross join lateral unnest(p.alloc_installment, p.alloc_penalty, p.alloc_interest, p.alloc_principal)
    as a (installment, penalty, interest, principal);
-- the close reads the allocations of payments valued after the date it closes
create index payment_value_date on payment (value_date);

create table write_off (
    loan_id        text primary key references loan (id),
    write_off_date date          not null,
    principal      numeric(18, 2) not null,
    interest       numeric(18, 2) not null,
    reason         text          not null,
    content_hash   text          not null,
    created_at     timestamptz   not null default now()
);

create table restructure (
    loan_id         text          not null references loan (id),
    effective_date  date          not null,
    grade_before    smallint      not null,
    principal       numeric(18, 2) not null,
    capitalised     numeric(18, 2) not null,
    annual_rate     numeric(9, 6) not null,
    term_months     integer       not null,
    method          text          not null,
    reason          text          not null,
    content_hash    text          not null,
    created_at      timestamptz   not null default now(),
    primary key (loan_id, effective_date)
);

-- only the statuses that changed at a close (the event history of loan-status)
create table loan_status_history (
    loan_id               text          not null,
    as_of                 date          not null,
    dpd                   integer       not null,
    bucket                smallint      not null,
    previous_bucket       smallint      not null,
    stage                 smallint      not null,
    grade                 smallint      not null,
    previous_grade        smallint      not null,
    outstanding_principal numeric(18, 2) not null,
    overdue_principal     numeric(18, 2) not null,
    overdue_interest      numeric(18, 2) not null,
    near_m2               boolean       not null,
    near_m3               boolean       not null,
    mob                   integer       not null,
    primary key (loan_id, as_of)
);

-- every open loan at each calendar month end: what roll rates, flow rates and vintage read
create table month_end_snapshot (
    snapshot_date         date          not null,
    loan_id               text          not null,
    borrower_id           text          not null,
    product               text          not null,
    disbursement_date     date          not null,
    disbursed_principal   numeric(18, 2) not null,
    mob                   integer       not null,
    dpd                   integer       not null,
    bucket                smallint      not null,
    stage                 smallint      not null,
    grade                 smallint      not null,
    outstanding_principal numeric(18, 2) not null,
    overdue_principal     numeric(18, 2) not null,
    overdue_interest      numeric(18, 2) not null,
    near_m2               boolean       not null,
    near_m3               boolean       not null,
    restructured          boolean       not null,
    primary key (snapshot_date, loan_id)
);

create table business_day (
    business_date   date primary key,
    closed_at       timestamptz not null,
    runs            integer     not null,
    open_loans      integer     not null,
    status_changes  integer     not null,
    snapshot_rows   integer     not null,
    millis          bigint      not null
);

-- the outbox (and consumed_event) come from service-platform's migration db/platform/V0_1__platform.sql

create table import_job (
    id            uuid primary key,
    record_type   text        not null,
    format        text        not null,
    file_name     text,
    state         text        not null,
    bytes_total   bigint      not null,
    bytes_read    bigint      not null default 0,
    rows_read     bigint      not null default 0,
    rows_accepted bigint      not null default 0,
    rows_rejected bigint      not null default 0,
    error         text,
    created_at    timestamptz not null default now(),
    started_at    timestamptz,
    finished_at   timestamptz
);

create table import_rejection (
    job_id     uuid    not null references import_job (id),
    line       bigint  not null,
    record_id  text,
    errors     jsonb   not null,
    primary key (job_id, line)
);

-- installments replaced by a restructuring still count on the dates before it (re-runs, as-of)
create index installment_superseded on installment (superseded_on) where superseded_on is not null;
