-- 0001: the federation profile, the audit log and file metadata.
-- Never edit a released migration: add a new numbered file instead.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
) STRICT;

-- One file holds one federation's books: at most one row.
CREATE TABLE federation (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    name               TEXT NOT NULL CHECK (name <> ''),
    credit_code        TEXT NOT NULL CHECK (length(credit_code) = 18),
    street             TEXT NOT NULL,
    district           TEXT NOT NULL,
    recognition_date   TEXT CHECK (recognition_date IS NULL OR date(recognition_date) = recognition_date),
    recognition_doc_no TEXT NOT NULL DEFAULT '',
    legal_rep          TEXT NOT NULL,
    secretary          TEXT NOT NULL,
    phone              TEXT NOT NULL,
    address            TEXT NOT NULL DEFAULT '',
    bank_name          TEXT NOT NULL DEFAULT '',
    bank_account       TEXT NOT NULL DEFAULT '',
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
) STRICT;

-- Every change, written in the same transaction as the change itself.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    operator  TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    action    TEXT NOT NULL,
    before    TEXT,
    after     TEXT
) STRICT;

CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
