-- Indexes for mobile-api's desk (docs/console.md): queues of open cases by state, nearest deadline
-- first, for the centres and for one department, and case-number search by prefix.
-- Numbered V3: V2 is the posts' states and stages (posts-model); Flyway applies them in order.

CREATE INDEX cases_open_state_deadline_idx ON grid.cases (state, deadline) WHERE NOT terminal;
CREATE INDEX cases_open_department_deadline_idx ON grid.cases (department, state, deadline) WHERE NOT terminal;
CREATE INDEX cases_case_id_prefix_idx ON grid.cases (case_id text_pattern_ops);
