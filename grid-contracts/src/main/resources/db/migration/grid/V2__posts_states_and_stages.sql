-- The posts of the two centres (grid-model, issue 15): a case may be on the ledger (挂账), and the
-- verification (核实) and closing (结案) stages run on the SLA clock, so the projection writes them.
ALTER TABLE grid.cases DROP CONSTRAINT cases_state_check;
ALTER TABLE grid.cases ADD CONSTRAINT cases_state_check
    CHECK (state IN ('REPORTED', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'SUSPENDED', 'ON_LEDGER',
                     'HANDLED', 'CHECK_PASSED', 'CLOSED', 'DISMISSED', 'VOIDED'));
ALTER TABLE grid.cases DROP CONSTRAINT cases_active_stage_check;
ALTER TABLE grid.cases ADD CONSTRAINT cases_active_stage_check
    CHECK (active_stage IN ('FILING', 'VERIFICATION', 'DISPATCH', 'HANDLING', 'CHECK', 'CLOSING'));
