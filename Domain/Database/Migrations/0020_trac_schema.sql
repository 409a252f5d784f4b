-- Seed 003 (LearnTrac) extends a Trac ticket system. Trac cannot be installed here, so its ticket tables live in a `trac`
-- schema of this database with Trac 1.x's own tables and columns (trac/db_default.py in edgewall/trac, as Trac's
-- PostgreSQL backend creates them: text columns, int -> integer, int64 -> bigint, auto_increment -> serial; times are
-- microseconds since the epoch). A Trac pointed at this schema sees the same tickets. Handlers/Trac imports tickets into
-- `concepts` and follows `ticket.changetime`.
CREATE SCHEMA IF NOT EXISTS trac;

CREATE TABLE trac.system (
    name  text PRIMARY KEY,
    value text
);
INSERT INTO trac.system (name, value) VALUES ('database_version', '45');

CREATE TABLE trac.ticket (
    id          serial PRIMARY KEY,
    type        text,
    time        bigint,
    changetime  bigint,
    component   text,
    severity    text,
    priority    text,
    owner       text,
    reporter    text,
    cc          text,
    version     text,
    milestone   text,
    status      text,
    resolution  text,
    summary     text,
    description text,
    keywords    text
);
CREATE INDEX ticket_time_idx ON trac.ticket (time);
CREATE INDEX ticket_status_idx ON trac.ticket (status);
-- Not Trac's: the importer asks "what changed since" on every poll.
CREATE INDEX ticket_changetime_idx ON trac.ticket (changetime);

CREATE TABLE trac.ticket_change (
    ticket   integer,
    time     bigint,
    author   text,
    field    text,
    oldvalue text,
    newvalue text,
    PRIMARY KEY (ticket, time, field)
);
CREATE INDEX ticket_change_ticket_idx ON trac.ticket_change (ticket);
CREATE INDEX ticket_change_time_idx ON trac.ticket_change (time);

CREATE TABLE trac.ticket_custom (
    ticket integer,
    name   text,
    value  text,
    PRIMARY KEY (ticket, name)
);

CREATE TABLE trac.enum (
    type        text,
    name        text,
    value       text,
    description text,
    PRIMARY KEY (type, name)
);

CREATE TABLE trac.component (
    name        text PRIMARY KEY,
    owner       text,
    description text
);

CREATE TABLE trac.milestone (
    name        text PRIMARY KEY,
    due         bigint,
    completed   bigint,
    description text
);

CREATE TABLE trac.version (
    name        text PRIMARY KEY,
    time        bigint,
    description text
);

-- Trac's default enums, plus the concept types seed 003 filters by (bug, feature).
INSERT INTO trac.enum (type, name, value) VALUES
    ('resolution', 'fixed', '1'), ('resolution', 'invalid', '2'), ('resolution', 'wontfix', '3'),
    ('resolution', 'duplicate', '4'), ('resolution', 'worksforme', '5'),
    ('priority', 'blocker', '1'), ('priority', 'critical', '2'), ('priority', 'major', '3'),
    ('priority', 'minor', '4'), ('priority', 'trivial', '5'),
    ('ticket_type', 'defect', '1'), ('ticket_type', 'enhancement', '2'), ('ticket_type', 'task', '3'),
    ('ticket_type', 'bug', '4'), ('ticket_type', 'feature', '5');
