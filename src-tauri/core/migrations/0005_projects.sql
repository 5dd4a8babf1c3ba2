-- 0005: service projects (服务项目) run by member organizations with grant money: agreements split
-- over budget lines, targets, activities with photos, close-out; payments are vouchers linked here.
-- Never edit a released migration: add a new numbered file instead.

CREATE TABLE project (
    id                 INTEGER PRIMARY KEY,
    grant_year_id      INTEGER NOT NULL REFERENCES grant_year (id),
    name               TEXT NOT NULL CHECK (name <> ''),
    member_id          INTEGER NOT NULL REFERENCES member (id),
    category           TEXT NOT NULL CHECK (category <> ''),
    agreement_no       TEXT NOT NULL DEFAULT '',
    signed_on          TEXT NOT NULL CHECK (date(signed_on) = signed_on),
    starts_on          TEXT NOT NULL CHECK (date(starts_on) = starts_on),
    ends_on            TEXT NOT NULL CHECK (date(ends_on) = ends_on),
    status             TEXT NOT NULL CHECK (status IN ('planned', 'running', 'closed', 'terminated')),
    -- A flagged undertaker (failed or missed inspection) is taken only with a written reason.
    flag_reason        TEXT NOT NULL DEFAULT '',
    override_reason    TEXT NOT NULL DEFAULT '',
    evaluation         TEXT NOT NULL DEFAULT '',
    grade              TEXT NOT NULL DEFAULT '' CHECK (grade IN ('', 'excellent', 'good', 'pass', 'fail')),
    ended_on           TEXT CHECK (ended_on IS NULL OR date(ended_on) = ended_on),
    termination_reason TEXT NOT NULL DEFAULT '',
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL,
    UNIQUE (grant_year_id, name),
    CHECK (starts_on <= ends_on),
    CHECK (flag_reason = '' OR override_reason <> ''),
    CHECK ((status IN ('closed', 'terminated')) = (ended_on IS NOT NULL)),
    CHECK (status <> 'terminated' OR termination_reason <> '')
) STRICT;
CREATE INDEX project_grant ON project (grant_year_id, status);
CREATE INDEX project_member ON project (member_id);

CREATE TABLE project_community (
    project_id   INTEGER NOT NULL REFERENCES project (id),
    community_id INTEGER NOT NULL REFERENCES community (id),
    PRIMARY KEY (project_id, community_id)
) STRICT;

-- The agreed amount, split over budget lines and sources. The agreed total is the sum.
CREATE TABLE project_split (
    project_id    INTEGER NOT NULL REFERENCES project (id),
    category_code TEXT NOT NULL REFERENCES budget_category (code),
    source        TEXT NOT NULL CHECK (source IN ('city', 'district')),
    amount_fen    INTEGER NOT NULL CHECK (amount_fen > 0),
    PRIMARY KEY (project_id, category_code, source)
) STRICT;

-- Targets: the three standard ones (kind) and free-form indicators. Values are decimal strings.
CREATE TABLE project_target (
    id         INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES project (id),
    kind       TEXT NOT NULL CHECK (kind IN ('beneficiaries', 'sessions', 'volunteer_hours', 'custom')),
    name       TEXT NOT NULL CHECK (name <> ''),
    unit       TEXT NOT NULL DEFAULT '',
    target     TEXT NOT NULL,
    sort_order INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX project_target_kind ON project_target (project_id, kind) WHERE kind <> 'custom';

CREATE TABLE activity (
    id              INTEGER PRIMARY KEY,
    project_id      INTEGER NOT NULL REFERENCES project (id),
    held_on         TEXT NOT NULL CHECK (date(held_on) = held_on),
    title           TEXT NOT NULL CHECK (title <> ''),
    place           TEXT NOT NULL DEFAULT '',
    participants    INTEGER NOT NULL CHECK (participants >= 0),
    volunteers      INTEGER NOT NULL CHECK (volunteers >= 0),
    -- Volunteer hours in tenths of an hour (12.5 h = 125).
    volunteer_tenths INTEGER NOT NULL CHECK (volunteer_tenths >= 0),
    note            TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL
) STRICT;
CREATE INDEX activity_project ON activity (project_id, held_on);

-- What an activity achieved on a free-form indicator.
CREATE TABLE activity_indicator (
    activity_id INTEGER NOT NULL REFERENCES activity (id),
    target_id   INTEGER NOT NULL REFERENCES project_target (id),
    value       TEXT NOT NULL,
    PRIMARY KEY (activity_id, target_id)
) STRICT;

-- Photos are stored like voucher attachments: in the data folder under their SHA-256.
CREATE TABLE activity_photo (
    activity_id INTEGER NOT NULL REFERENCES activity (id),
    sha256      TEXT NOT NULL REFERENCES attachment (sha256),
    file_name   TEXT NOT NULL CHECK (file_name <> ''),
    PRIMARY KEY (activity_id, sha256)
) STRICT;

-- Payments to a project's undertaker are expense vouchers that name the project (R-PROJECT).
ALTER TABLE voucher ADD COLUMN project_id INTEGER REFERENCES project (id);
CREATE INDEX voucher_project ON voucher (project_id) WHERE project_id IS NOT NULL;
