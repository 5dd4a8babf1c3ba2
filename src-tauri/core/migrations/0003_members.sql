-- 0003: member organizations (成员单位), their annual inspections and ratings, and the two lists
-- they refer to (categories, communities). Never edit a released migration: add a new file.

CREATE TABLE member_category (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE CHECK (name <> '' AND length(name) <= 20),
    sort_order INTEGER NOT NULL DEFAULT 0
) STRICT;

INSERT INTO member_category (name, sort_order) VALUES
    ('公益服务类', 1), ('慈善互助类', 2), ('调解治理类', 3), ('文体活动类', 4), ('生活服务类', 5), ('其他', 6);

CREATE TABLE community (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE CHECK (name <> '' AND length(name) <= 30),
    sort_order INTEGER NOT NULL DEFAULT 0
) STRICT;

-- A withdrawn organization keeps its row (and its history): reports of the years it was a member
-- still list it. Registered (登记) ones have a credit code, filed (备案) ones a filing number.
CREATE TABLE member (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE CHECK (name <> ''),
    legal_form     TEXT NOT NULL CHECK (legal_form IN ('registered', 'filed')),
    credit_code    TEXT UNIQUE CHECK (credit_code IS NULL OR length(credit_code) = 18),
    filing_no      TEXT UNIQUE CHECK (filing_no IS NULL OR filing_no <> ''),
    category_id    INTEGER NOT NULL REFERENCES member_category (id),
    community_id   INTEGER REFERENCES community (id),
    leader         TEXT NOT NULL DEFAULT '',
    phone          TEXT NOT NULL DEFAULT '',
    founded_on     TEXT CHECK (founded_on IS NULL OR date(founded_on) = founded_on),
    joined_on      TEXT NOT NULL CHECK (date(joined_on) = joined_on),
    left_on        TEXT CHECK (left_on IS NULL OR (date(left_on) = left_on AND left_on >= joined_on)),
    status         TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'withdrawn')),
    party_building TEXT NOT NULL CHECK (party_building IN ('standalone', 'joint', 'instructor', 'none')),
    notes          TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CHECK ((legal_form = 'registered' AND credit_code IS NOT NULL AND filing_no IS NULL)
        OR (legal_form = 'filed' AND filing_no IS NOT NULL AND credit_code IS NULL)),
    CHECK ((status = 'withdrawn') = (left_on IS NOT NULL))
) STRICT;

CREATE INDEX member_category_idx ON member (category_id);
CREATE INDEX member_community_idx ON member (community_id);
CREATE INDEX member_status_idx ON member (status);
CREATE INDEX member_legal_form_idx ON member (legal_form);
CREATE INDEX member_leader_idx ON member (leader);
CREATE INDEX member_joined_idx ON member (joined_on, left_on);

-- One result per organization and year.
CREATE TABLE member_inspection (
    id        INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES member (id),
    year      INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    result    TEXT NOT NULL CHECK (result IN ('pass', 'basic_pass', 'fail', 'absent')),
    UNIQUE (member_id, year)
) STRICT;

-- An evaluation rating (1A–5A) awarded in a year, valid for five years (that year and the next four).
CREATE TABLE member_rating (
    id        INTEGER PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES member (id),
    year      INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    level     INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    UNIQUE (member_id, year)
) STRICT;
