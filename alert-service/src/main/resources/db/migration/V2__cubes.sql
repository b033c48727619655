-- The cubes: sums of the facts per month end and cell (fine cells and rollups alike), written by
-- CubeRefresh from the facts; nothing else writes them. Column suffixes are stored codes: _b<k> =
-- bucket code k, _g<k> = grade code k.

-- Every open loan at the month end t: counts and outstanding principal (fen) by bucket (DPD view
-- and the CPD view, where an overdue amount under the tolerance counts as current), by grade, and
-- overdue principal by bucket (op_), and the other sums of the asset-quality and delinquency metrics.
create table month_cube (
    month_end             date not null,
    cell_id               int not null,
    loans                 bigint not null,
    balance               bigint not null,
    overdue_principal     bigint not null,
    overdue_interest      bigint not null,
    n_b0 bigint not null,
    n_b1 bigint not null,
    n_b2 bigint not null,
    n_b3 bigint not null,
    n_b4 bigint not null,
    n_b5 bigint not null,
    n_b6 bigint not null,
    n_b7 bigint not null,
    bal_b0 bigint not null,
    bal_b1 bigint not null,
    bal_b2 bigint not null,
    bal_b3 bigint not null,
    bal_b4 bigint not null,
    bal_b5 bigint not null,
    bal_b6 bigint not null,
    bal_b7 bigint not null,
    op_b0 bigint not null,
    op_b1 bigint not null,
    op_b2 bigint not null,
    op_b3 bigint not null,
    op_b4 bigint not null,
    op_b5 bigint not null,
    op_b6 bigint not null,
    op_b7 bigint not null,
    cpd_n_b0 bigint not null,
    cpd_n_b1 bigint not null,
    cpd_n_b2 bigint not null,
    cpd_n_b3 bigint not null,
    cpd_n_b4 bigint not null,
    cpd_n_b5 bigint not null,
    cpd_n_b6 bigint not null,
    cpd_n_b7 bigint not null,
    cpd_bal_b0 bigint not null,
    cpd_bal_b1 bigint not null,
    cpd_bal_b2 bigint not null,
    cpd_bal_b3 bigint not null,
    cpd_bal_b4 bigint not null,
    cpd_bal_b5 bigint not null,
    cpd_bal_b6 bigint not null,
    cpd_bal_b7 bigint not null,
    n_g0 bigint not null,
    n_g1 bigint not null,
    n_g2 bigint not null,
    n_g3 bigint not null,
    n_g4 bigint not null,
    bal_g0 bigint not null,
    bal_g1 bigint not null,
    bal_g2 bigint not null,
    bal_g3 bigint not null,
    bal_g4 bigint not null,
    n_restructured        bigint not null,
    bal_restructured      bigint not null,
    n_near_m2             bigint not null,
    bal_near_m2           bigint not null,
    n_near_m3             bigint not null,
    bal_near_m3           bigint not null,
    n_new_bad             bigint not null,   -- DPD >= 91 now, not at the previous month end
    bal_new_bad           bigint not null,
    primary key (cell_id, month_end)
);

-- Loans in the book at t-1 by their bucket then (from_bucket) and where they were at t (to_column:
-- the bucket code, 8 = settled, 9 = written off; RollRateMatrix.Column.code()), with the month's
-- inflow facts (payment due, missed while current at the start).
create table transition_cube (
    month_end   date not null,
    cell_id     int not null,
    from_bucket smallint not null,
    to_column   smallint not null,
    loans       bigint not null,
    bal_prev    bigint not null,
    bal_cur     bigint not null,
    n_due       bigint not null,
    n_missed    bigint not null,
    primary key (cell_id, month_end, from_bucket, to_column)
);

-- Vintage numerators per cohort (disbursement month) and month end: Mn+ outstanding principal and
-- the loans first seen Mn+ at that month end (n = 1 … 7); only rows with something in them.
create table vintage_cube (
    month_end date not null,
    cohort    date not null,
    cell_id   int not null,
    bal_m1 bigint not null,
    bal_m2 bigint not null,
    bal_m3 bigint not null,
    bal_m4 bigint not null,
    bal_m5 bigint not null,
    bal_m6 bigint not null,
    bal_m7 bigint not null,
    new_m1 bigint not null,
    new_m2 bigint not null,
    new_m3 bigint not null,
    new_m4 bigint not null,
    new_m5 bigint not null,
    new_m6 bigint not null,
    new_m7 bigint not null,
    primary key (cell_id, cohort, month_end)
);

-- Vintage denominators: the loans of a cohort seen at any month end, and their disbursed principal.
create table cohort_cube (
    cohort        date not null,
    cell_id       int not null,
    loans         bigint not null,
    disbursed     bigint not null,
    primary key (cell_id, cohort)
);
