-- A counter per organisation that moves with every write to the registers that name things and
-- that the dependency graph is built from (units, people, suppliers, activities, systems,
-- resources, dependencies), in the same transaction as the write (issue 25). A server keeps an
-- organisation's name maps and dependency graph in memory and asks only for this number per
-- request: a different number, from this process or any other serving the same database,
-- means the copy is rebuilt.
CREATE TABLE register_versions (
    org_id BIGINT PRIMARY KEY REFERENCES organisations(id),
    version BIGINT NOT NULL
);
