-- Borrowers whose labels changed, waiting for the refresher to move their loans to their new cell.
-- The labels consumer only records them here: the refresher alone writes loan.cell_id, so the two no
-- longer lock loan rows against each other.
create table relabelled_borrower (
    borrower_id text primary key
);
