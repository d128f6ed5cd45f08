-- The posts of the two centres (docs/roles.md): an account may now be an acceptor (受理员), a shift
-- leader (值班长), a dispatcher (派遣员) or a leader (中心领导). OPERATOR stays, holding every centre post
-- (grid-model's Role.holds): existing operator accounts keep working unchanged, and new accounts take a post.
ALTER TABLE api.accounts DROP CONSTRAINT accounts_role_check;
ALTER TABLE api.accounts ADD CONSTRAINT accounts_role_check CHECK (role IN ('RESIDENT', 'GRID_WORKER', 'HANDLER',
    'ACCEPTOR', 'SHIFT_LEADER', 'DISPATCHER', 'LEADER', 'OPERATOR', 'ADMIN'));
