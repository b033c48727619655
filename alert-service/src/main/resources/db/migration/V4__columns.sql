-- The month × segment cubes are gone: the reports scan the facts in memory (LoanColumns), loaded from
-- these tables at start. What only the cubes needed goes with them.
drop table month_cube, transition_cube, vintage_cube, cohort_cube, cell_rollup, rollup, cell, dirty_month, cube_month,
    relabelled_borrower;
drop sequence cell_id_seq;
alter table loan drop column cell_id, drop column first_seen, drop column first_m1, drop column first_m2,
    drop column first_m3, drop column first_m4, drop column first_m5, drop column first_m6, drop column first_m7;

-- Month-end snapshots are copied in without a key to check (FactStore.monthEnds): a snapshot delivered
-- again is a second row, and the row with the highest seq of a loan and month end is the fact; the
-- compaction deletes the others.
create sequence month_end_seq;
alter table month_end drop constraint month_end_pkey;
alter table month_end add column seq bigint not null default nextval('month_end_seq');

-- The first installments of a loan's original schedule (FPD … QPD) move into its row, ordered by
-- number: a table of their own cost four keyed rows per loan to write.
alter table loan add column early_number smallint[] not null default '{}', add column early_due date[] not null default '{}',
    add column early_due_fen bigint[] not null default '{}';
update loan l set early_number = e.n, early_due = e.d, early_due_fen = e.f
from (select loan_id, array_agg(number order by number) n, array_agg(due_date order by number) d,
             array_agg(due_fen order by number) f from early_installment group by loan_id) e
where e.loan_id = l.loan_id;
drop table early_installment;
