-- alert-service's read model of the loan book (docs/architecture.md, "alert-service").
-- Facts are what the topics say, stored idempotently by their natural keys; cubes are derived from
-- the facts by CubeRefresh and can always be rebuilt from them. Codes: bucket = Bucket.code()
-- (0 = C … 7 = M7+), grade = FiveTierGrade.code() (0 = normal … 4 = loss), as in the loan book.

-- A borrower's labels from tagging-service (the newest tags_version wins).
create table borrower (
    borrower_id   text primary key,
    tags_version  bigint not null,
    customer_type text not null,
    section       text not null,
    division      text not null,
    province      text not null,
    prefecture    text not null,
    size_class    text not null,
    risk_groups   text[] not null,
    custom_tags   text[] not null
);

-- A loan's contract (LoanOpened) and its life (write-off, restructuring), and what the month ends
-- taught us about it so far.
create table loan (
    loan_id                  text primary key,
    borrower_id              text not null,
    product                  text not null,
    channel                  text not null,
    disbursement_date        date not null,
    cohort                   date not null,            -- first day of the disbursement month
    principal_fen            bigint not null,
    annual_rate              numeric(12, 8) not null,
    term_months              int not null,
    term_band                text not null,
    rate_band                text not null,
    first_due                date,                     -- the schedule in force: first and last due date
    last_due                 date,
    written_off_on           date,
    written_off_principal_fen bigint not null default 0,
    written_off_interest_fen bigint not null default 0,
    cell_id                  int,                      -- null: the cell must be (re)computed
    first_seen               date,                     -- first month end the loan was in the book
    first_m1                 date,                     -- first month end at M1+ … M7+
    first_m2                 date,
    first_m3                 date,
    first_m4                 date,
    first_m5                 date,
    first_m6                 date,
    first_m7                 date
);
create index loan_cell on loan (cell_id);
create index loan_borrower on loan (borrower_id);
create index loan_unassigned on loan (loan_id) where cell_id is null;

-- The first four installments of the original schedule (FPD … QPD, malicious delinquency) and the
-- payments allocated to them: paid in full on the value date that completed principal + interest.
create table early_installment (
    loan_id   text not null,
    number    smallint not null,
    due_date  date not null,
    due_fen   bigint not null,
    primary key (loan_id, number)
);
create table early_payment (
    payment_id  text not null,
    number      smallint not null,
    loan_id     text not null,
    value_date  date not null,
    paid_fen    bigint not null,
    primary key (payment_id, number)
);
create index early_payment_loan on early_payment (loan_id, number);

-- Money received on written-off loans (回收 of 呆账).
create table recovery (
    payment_id    text primary key,
    loan_id       text not null,
    value_date    date not null,
    principal_fen bigint not null,
    amount_fen    bigint not null
);
create index recovery_loan on recovery (loan_id);

-- A daily close at which a loan left C (from the loan-status topic): the month's inflow (入催).
create table delinquency_entry (
    loan_id text not null,
    as_of   date not null,
    primary key (loan_id, as_of)
);

-- Every open loan at every month end (the month-end snapshot topic), one partition per month.
create table month_end (
    month_end                 date not null,
    loan_id                   text not null,
    dpd                       int not null,
    bucket                    smallint not null,
    grade                     smallint not null,
    outstanding_fen           bigint not null,
    overdue_principal_fen     bigint not null,
    overdue_interest_fen      bigint not null,
    near_m2                   boolean not null,
    near_m3                   boolean not null,
    restructured              boolean not null,
    mob                       int not null,
    primary key (month_end, loan_id)
) partition by range (month_end);

-- Loan applications (进件) from the loan book.
create table application (
    application_id text primary key,
    revision       int not null,
    borrower_id    text not null,
    product        text not null,
    channel        text not null,
    applied_on     date not null,
    applied_month  date not null,
    amount_fen     bigint not null,
    term_months    int not null,
    term_band      text not null,
    decision       text not null,
    decided_on     date,
    route          text,
    deviation      boolean not null,
    rule_hits      text[] not null,
    model_decision text not null,
    model_score    int,
    reject_reason  text,
    risk_grade     text,
    loan_id        text
);
create index application_month on application (applied_month);

-- Segments. A fine cell is one combination of every dimension that loans have; a rollup is one
-- value of one dimension (or 'all'), precomputed so that the whole book and single-dimension
-- filters read a handful of rows.
create sequence cell_id_seq;
create table cell (
    cell_id       int primary key default nextval('cell_id_seq'),
    product       text not null,
    channel       text not null,
    term_band     text not null,
    rate_band     text not null,
    customer_type text not null,
    section       text not null,
    division      text not null,
    province      text not null,
    prefecture    text not null,
    size_class    text not null,
    risk_groups   text[] not null,
    custom_tags   text[] not null,
    unique (product, channel, term_band, rate_band, customer_type, section, division, province, prefecture,
            size_class, risk_groups, custom_tags)
);
create table rollup (
    cell_id   int primary key default nextval('cell_id_seq'),
    dimension text not null,
    value     text not null,
    unique (dimension, value)
);
create table cell_rollup (
    cell_id   int not null,
    rollup_id int not null,
    primary key (cell_id, rollup_id)
);

-- Months whose cubes must be recomputed from the facts, and the cubes' own state.
create table dirty_month (
    month_end    date primary key,
    first_marked timestamptz not null default clock_timestamp(),  -- kept when marked again
    since        timestamptz not null default clock_timestamp()   -- the last time it was marked
);
create table cube_month (
    month_end     date primary key,
    refreshed_at  timestamptz not null
);
