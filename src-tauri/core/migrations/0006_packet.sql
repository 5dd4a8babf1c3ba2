-- 0006: what the secretary writes for an application packet (申报材料) of a grant year: the work
-- plan, last year's summary (year 2), the commitment, the satisfaction target and a note per budget
-- line. Figures are never stored here: the packet takes them from the books when it is exported.
-- Never edit a released migration: add a new numbered file instead.

CREATE TABLE packet_draft (
    grant_year_id       INTEGER PRIMARY KEY REFERENCES grant_year (id),
    plan                TEXT NOT NULL DEFAULT '',
    previous_summary    TEXT NOT NULL DEFAULT '',
    -- Empty means the standard commitment text.
    commitment          TEXT NOT NULL DEFAULT '',
    satisfaction_target TEXT NOT NULL DEFAULT '90',
    updated_at          TEXT NOT NULL
) STRICT;

CREATE TABLE budget_note (
    grant_year_id INTEGER NOT NULL REFERENCES grant_year (id),
    category_code TEXT NOT NULL REFERENCES budget_category (code),
    note          TEXT NOT NULL,
    PRIMARY KEY (grant_year_id, category_code)
) STRICT;
