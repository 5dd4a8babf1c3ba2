-- 0002: policy profiles, budget categories, grant years, fund receipts, budgets and adjustments.
-- Never edit a released migration: add a new numbered file instead.

-- A policy profile is data with an effective date. Rows are never updated: an edit adds a new
-- version, so a grant year keeps pointing at the profile it was decided under.
CREATE TABLE policy_profile (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL CHECK (name <> ''),
    effective_from    TEXT NOT NULL CHECK (date(effective_from) = effective_from),
    city_min_fen      INTEGER NOT NULL CHECK (city_min_fen > 0),
    city_max_fen      INTEGER NOT NULL CHECK (city_max_fen >= city_min_fen),
    -- District matching ratio as a decimal string ("1" for 1:1); never a float.
    match_ratio       TEXT NOT NULL,
    max_years         INTEGER NOT NULL CHECK (max_years >= 1),
    consecutive       INTEGER NOT NULL CHECK (consecutive IN (0, 1)),
    arrears_warn_days INTEGER NOT NULL CHECK (arrears_warn_days >= 0),
    caps_enabled      INTEGER NOT NULL DEFAULT 0 CHECK (caps_enabled IN (0, 1)),
    created_at        TEXT NOT NULL
) STRICT;

-- Budget categories (预算科目): a configurable list.
CREATE TABLE budget_category (
    code       TEXT PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE CHECK (name <> ''),
    sort_order INTEGER NOT NULL
) STRICT;

-- R-CAPS: optional per-category caps, as a percentage of the grant year's total, per profile.
CREATE TABLE policy_cap (
    policy_id     INTEGER NOT NULL REFERENCES policy_profile (id),
    category_code TEXT NOT NULL REFERENCES budget_category (code),
    max_percent   INTEGER NOT NULL CHECK (max_percent BETWEEN 1 AND 100),
    PRIMARY KEY (policy_id, category_code)
) STRICT;

CREATE TABLE grant_year (
    id              INTEGER PRIMARY KEY,
    year            INTEGER NOT NULL UNIQUE CHECK (year BETWEEN 2000 AND 2100),
    sequence        INTEGER NOT NULL CHECK (sequence >= 1),
    policy_id       INTEGER NOT NULL REFERENCES policy_profile (id),
    city_fen        INTEGER NOT NULL CHECK (city_fen > 0),
    district_fen    INTEGER NOT NULL CHECK (district_fen >= 0),
    status          TEXT NOT NULL CHECK (status IN ('applying', 'approved', 'executing', 'closed')),
    approval_doc_no TEXT NOT NULL DEFAULT '',
    approval_date   TEXT CHECK (approval_date IS NULL OR date(approval_date) = approval_date),
    period_start    TEXT NOT NULL CHECK (date(period_start) = period_start),
    period_end      TEXT NOT NULL CHECK (date(period_end) = period_end),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK (period_start <= period_end),
    CHECK (status = 'applying' OR approval_date IS NOT NULL)
) STRICT;

-- 到账: money that arrived, by source.
CREATE TABLE fund_receipt (
    id            INTEGER PRIMARY KEY,
    grant_year_id INTEGER NOT NULL REFERENCES grant_year (id),
    source        TEXT NOT NULL CHECK (source IN ('city', 'district')),
    received_on   TEXT NOT NULL CHECK (date(received_on) = received_on),
    amount_fen    INTEGER NOT NULL CHECK (amount_fen > 0),
    bank_ref      TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX fund_receipt_year ON fund_receipt (grant_year_id, source, received_on);

-- One line per category and source; the current amount. Changes after execution starts are
-- recorded as adjustments below.
CREATE TABLE budget_line (
    grant_year_id INTEGER NOT NULL REFERENCES grant_year (id),
    category_code TEXT NOT NULL REFERENCES budget_category (code),
    source        TEXT NOT NULL CHECK (source IN ('city', 'district')),
    amount_fen    INTEGER NOT NULL CHECK (amount_fen >= 0),
    PRIMARY KEY (grant_year_id, category_code, source)
) STRICT;

CREATE TABLE budget_adjustment (
    id            INTEGER PRIMARY KEY,
    grant_year_id INTEGER NOT NULL REFERENCES grant_year (id),
    adjusted_on   TEXT NOT NULL CHECK (date(adjusted_on) = adjusted_on),
    reason        TEXT NOT NULL CHECK (reason <> ''),
    operator      TEXT NOT NULL,
    created_at    TEXT NOT NULL
) STRICT;

CREATE TABLE budget_adjustment_line (
    adjustment_id INTEGER NOT NULL REFERENCES budget_adjustment (id),
    category_code TEXT NOT NULL REFERENCES budget_category (code),
    source        TEXT NOT NULL CHECK (source IN ('city', 'district')),
    before_fen    INTEGER NOT NULL,
    after_fen     INTEGER NOT NULL CHECK (after_fen >= 0),
    PRIMARY KEY (adjustment_id, category_code, source)
) STRICT;

INSERT INTO budget_category (code, name, sort_order) VALUES
    ('activity',  '项目活动费', 1),
    ('labor',     '人员劳务费', 2),
    ('training',  '培训费',     3),
    ('publicity', '宣传费',     4),
    ('office',    '办公费',     5),
    ('audit',     '评估审计费', 6),
    ('other',     '其他',       7);

-- The default profile: Nanjing's 2018 pilot (DOMAIN.md §2). 150,000–200,000 yuan, 1:1, two
-- consecutive years, arrears warned after 90 days, caps off.
INSERT INTO policy_profile (name, effective_from, city_min_fen, city_max_fen, match_ratio, max_years,
                            consecutive, arrears_warn_days, caps_enabled, created_at)
VALUES ('南京市 2018 社联会试点', '2018-01-01', 15000000, 20000000, '1', 2, 1, 90, 0, '2018-01-01 00:00:00');
