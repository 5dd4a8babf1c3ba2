-- district 0001: the district civil-affairs office's workspace (区级汇总). Its own file, its own
-- application_id and numbering: it never holds a federation's books, only the packets received.
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

-- Every change, written in the same transaction as the change itself (same shape as the books').
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

-- One verified packet ZIP as received. Packets are never updated or deleted: a newer packet for
-- the same federation and year is another row, and the older one stays as history.
CREATE TABLE received_packet (
    id              INTEGER PRIMARY KEY,
    credit_code     TEXT NOT NULL CHECK (length(credit_code) = 18),
    federation      TEXT NOT NULL CHECK (federation <> ''),
    year            INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2200),
    sequence        INTEGER NOT NULL CHECK (sequence BETWEEN 1 AND 9),
    generated_on    TEXT NOT NULL CHECK (date(generated_on) = generated_on),
    -- 申报数据.json's own schema version, as read from the packet.
    data_version    INTEGER NOT NULL CHECK (data_version >= 1),
    file_name       TEXT NOT NULL,
    zip_sha256      TEXT NOT NULL UNIQUE CHECK (length(zip_sha256) = 64),
    zip             BLOB NOT NULL,
    manifest_json   TEXT NOT NULL,
    data_json       TEXT NOT NULL,
    added_at        TEXT NOT NULL,
    added_by        TEXT NOT NULL
) STRICT;

CREATE INDEX received_packet_federation_year ON received_packet (credit_code, year, generated_on, id);

CREATE TRIGGER received_packet_never_updated BEFORE UPDATE ON received_packet
BEGIN SELECT RAISE(ABORT, 'a received packet is never changed'); END;
CREATE TRIGGER received_packet_never_deleted BEFORE DELETE ON received_packet
BEGIN SELECT RAISE(ABORT, 'a received packet is never deleted'); END;
