-- The login limits that every process serving the database shares (issue 22): failed attempts
-- per name and address (five in a quarter of an hour lock the name from that address, whichever
-- process the guesses reach), and each address's attempts per minute. Each process keeps its own
-- limits in memory as well, in front of these; the database's are the ones a load balancer
-- cannot spread out. Rows whose time has passed are deleted as new failures come in.
CREATE TABLE login_failures (
    name_key TEXT NOT NULL,
    origin TEXT NOT NULL,
    failures BIGINT NOT NULL,
    first_at BIGINT NOT NULL,
    PRIMARY KEY (name_key, origin)
);
CREATE INDEX login_failures_first_at ON login_failures (first_at);
CREATE TABLE login_budget (
    origin TEXT NOT NULL,
    minute BIGINT NOT NULL,
    attempts BIGINT NOT NULL,
    PRIMARY KEY (origin, minute)
);
CREATE INDEX login_budget_minute ON login_budget (minute);
