-- The fine cells of a rollup (a segment of one dimension's value narrowed by a breakdown, the facts
-- of a segment): without this every such question read the whole mapping.
create index cell_rollup_by_rollup on cell_rollup (rollup_id, cell_id);
