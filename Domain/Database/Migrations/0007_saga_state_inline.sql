-- A learning-path saga's state is 3-7 kB of JSON, rewritten by every message of the task. Above the default TOAST
-- target (~2 kB) PostgreSQL compresses it with pglz on every write, which bench.sh measured as a large share of the
-- database's CPU per message. Rows up to a page are kept inline and uncompressed instead.
ALTER TABLE saga_instances SET (toast_tuple_target = 8160);
