-- Loan applications (进件): one row per application in its latest revision, and the content hash
-- of every revision. A record whose content is that of any revision already stored is a replay
-- (a redelivered Kafka record, an import run again from the top), never a new revision; a record
-- with new content is the next revision. Codes are the text of ApplicationCommand's enums.
create table application (
    id              text primary key,
    borrower_id     text           not null references borrower (id),
    product         text           not null,
    channel         text           not null,
    applied_on      date           not null,
    amount          numeric(18, 2) not null check (amount > 0),
    term_months     integer        not null check (term_months between 1 and 600),
    decision        text           not null check (decision in ('APPROVED', 'REJECTED', 'PENDING', 'CANCELLED')),
    decided_on      date check ((decided_on is null) = (decision = 'PENDING') and decided_on >= applied_on),
    route           text check (route in ('MACHINE', 'MANUAL')),
    deviation       boolean        not null check (not deviation or decision = 'APPROVED'),
    rule_hits       text[]         not null,
    model_decision  text           not null check (model_decision in ('NOT_SCORED', 'PASS', 'REJECT')),
    model_score     integer,
    reject_reason   text check ((reject_reason is not null) = (decision = 'REJECTED')),
    risk_grade      text,
    -- the loan disbursed from it: one application per loan
    loan_id         text unique references loan (id) check (loan_id is null or decision = 'APPROVED'),
    revision        integer        not null,
    created_at      timestamptz    not null default now(),
    updated_at      timestamptz    not null default now()
)
with (fillfactor = 90);

-- the funnel counts applications by the month they were received and decided
create index application_applied_on on application (applied_on);
create index application_decided_on on application (decided_on) where decided_on is not null;
create index application_borrower on application (borrower_id);

create table application_revision (
    application_id  text        not null references application (id),
    revision        integer     not null,
    content_hash    text        not null,
    recorded_at     timestamptz not null default now(),
    primary key (application_id, revision)
);
