-- Routes an operator suspended (console, POST /api/v1/routes/{id}/suspend), so that every node applies the
-- suspension, not only the one that got the call. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
CREATE TABLE route_suspensions (
    route_id      VARCHAR(100)             NOT NULL,
    suspended_by  VARCHAR(200),
    suspended_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_route_suspensions PRIMARY KEY (route_id)
);
