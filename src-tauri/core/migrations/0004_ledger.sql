-- 0004: the ledger. A chart of accounts as data, vouchers whose lines balance, month-end close,
-- attachments by content hash. Receipts recorded before this version get their vouchers here.
-- Never edit a released migration: add a new numbered file instead.

-- A chart of accounts is a versioned list, never code: a later system (财会〔2024〕25号) is added as a
-- new version with its own account_role rows, and the postings follow the roles.
CREATE TABLE chart_version (
    code           TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    -- Where the codes and names were taken from, shown in the window (科目表版本).
    source         TEXT NOT NULL,
    effective_from TEXT NOT NULL CHECK (date(effective_from) = effective_from),
    note           TEXT NOT NULL DEFAULT '',
    in_use         INTEGER NOT NULL DEFAULT 0 CHECK (in_use IN (0, 1))
) STRICT;
CREATE UNIQUE INDEX chart_version_in_use ON chart_version (in_use) WHERE in_use = 1;

CREATE TABLE account (
    chart      TEXT NOT NULL REFERENCES chart_version (code),
    code       TEXT NOT NULL,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('asset', 'liability', 'net_assets', 'revenue', 'expense')),
    sort_order INTEGER NOT NULL,
    PRIMARY KEY (chart, code)
) STRICT;

-- What the app posts to, by role; a chart version maps each role to one of its accounts.
CREATE TABLE account_role (
    chart        TEXT NOT NULL REFERENCES chart_version (code),
    role         TEXT NOT NULL CHECK (role IN ('bank', 'cash', 'other_money', 'grant_revenue',
                                               'program_cost', 'admin_expense',
                                               'unrestricted_net_assets', 'restricted_net_assets')),
    account_code TEXT NOT NULL,
    PRIMARY KEY (chart, role),
    FOREIGN KEY (chart, account_code) REFERENCES account (chart, code)
) STRICT;

-- Which expense account a budget category's spending goes to (业务活动成本 or 管理费用).
ALTER TABLE budget_category ADD COLUMN expense_role TEXT NOT NULL DEFAULT 'program_cost'
    CHECK (expense_role IN ('program_cost', 'admin_expense'));
UPDATE budget_category SET expense_role = 'admin_expense' WHERE code IN ('office', 'audit');

-- 记账凭证. Numbered per calendar year without gaps (记-2019-0001): numbers are taken inside the
-- posting transaction and no voucher is ever deleted. The triggers below make that physical.
CREATE TABLE voucher (
    id             INTEGER PRIMARY KEY,
    year           INTEGER NOT NULL,
    seq            INTEGER NOT NULL CHECK (seq >= 1),
    voucher_date   TEXT NOT NULL CHECK (date(voucher_date) = voucher_date),
    kind           TEXT NOT NULL CHECK (kind IN ('receipt', 'expense', 'reversal')),
    summary        TEXT NOT NULL CHECK (summary <> ''),
    grant_year_id  INTEGER NOT NULL REFERENCES grant_year (id),
    receipt_id     INTEGER UNIQUE REFERENCES fund_receipt (id),
    reverses_id    INTEGER UNIQUE REFERENCES voucher (id),
    payee          TEXT NOT NULL DEFAULT '',
    payment_method TEXT NOT NULL CHECK (payment_method IN ('bank', 'cash', 'other')),
    chart          TEXT NOT NULL REFERENCES chart_version (code),
    operator       TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    UNIQUE (year, seq),
    CHECK (year = CAST(strftime('%Y', voucher_date) AS INTEGER)),
    CHECK ((kind = 'reversal') = (reverses_id IS NOT NULL)),
    CHECK ((kind = 'receipt') = (receipt_id IS NOT NULL))
) STRICT;
-- Book order within a grant year, so a page of the voucher list is read off the index.
CREATE INDEX voucher_grant ON voucher (grant_year_id, voucher_date, year, seq);

-- One side of one line is non-zero. A red-ink reversal (红字冲销) repeats the original's lines with
-- negative amounts on the same side, as on paper.
CREATE TABLE voucher_line (
    voucher_id    INTEGER NOT NULL REFERENCES voucher (id),
    line_no       INTEGER NOT NULL CHECK (line_no >= 1),
    account_code  TEXT NOT NULL,
    debit_fen     INTEGER NOT NULL,
    credit_fen    INTEGER NOT NULL,
    grant_year_id INTEGER NOT NULL REFERENCES grant_year (id),
    source        TEXT NOT NULL CHECK (source IN ('city', 'district')),
    category_code TEXT REFERENCES budget_category (code),
    PRIMARY KEY (voucher_id, line_no),
    CHECK ((debit_fen = 0) <> (credit_fen = 0))
) STRICT;
-- Covers the budget-execution and R-SPEND sums without touching the table.
CREATE INDEX voucher_line_position
    ON voucher_line (grant_year_id, source, category_code, account_code, debit_fen, credit_fen);

-- R-IMMUTABLE, physically: a posted voucher and its lines are never updated or deleted.
CREATE TRIGGER voucher_no_update BEFORE UPDATE ON voucher
BEGIN SELECT RAISE(ABORT, 'R-IMMUTABLE voucher'); END;
CREATE TRIGGER voucher_no_delete BEFORE DELETE ON voucher
BEGIN SELECT RAISE(ABORT, 'R-IMMUTABLE voucher'); END;
CREATE TRIGGER voucher_line_no_update BEFORE UPDATE ON voucher_line
BEGIN SELECT RAISE(ABORT, 'R-IMMUTABLE voucher_line'); END;
CREATE TRIGGER voucher_line_no_delete BEFORE DELETE ON voucher_line
BEGIN SELECT RAISE(ABORT, 'R-IMMUTABLE voucher_line'); END;

-- 结账: a closed month accepts no voucher (R-PERIOD). Reopening deletes the row, and the event
-- table keeps who closed or reopened which month, when and why.
CREATE TABLE closed_month (
    month     TEXT PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    closed_at TEXT NOT NULL,
    operator  TEXT NOT NULL
) STRICT;

CREATE TABLE period_event (
    id       INTEGER PRIMARY KEY,
    month    TEXT NOT NULL,
    action   TEXT NOT NULL CHECK (action IN ('close', 'reopen')),
    reason   TEXT NOT NULL DEFAULT '',
    operator TEXT NOT NULL,
    at       TEXT NOT NULL,
    CHECK (action = 'close' OR reason <> '')
) STRICT;

CREATE TRIGGER voucher_closed_month BEFORE INSERT ON voucher
WHEN EXISTS (SELECT 1 FROM closed_month WHERE month = substr(NEW.voucher_date, 1, 7))
BEGIN SELECT RAISE(ABORT, 'R-PERIOD closed month'); END;

-- Attachments live in the data folder under their SHA-256; the rows say which voucher has which.
-- Attachments are only ever added.
CREATE TABLE attachment (
    sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size       INTEGER NOT NULL CHECK (size > 0),
    mime       TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE voucher_attachment (
    voucher_id INTEGER NOT NULL REFERENCES voucher (id),
    sha256     TEXT NOT NULL REFERENCES attachment (sha256),
    file_name  TEXT NOT NULL CHECK (file_name <> ''),
    added_at   TEXT NOT NULL,
    PRIMARY KEY (voucher_id, sha256)
) STRICT;

-- The chart of 民间非营利组织会计制度 (财会〔2004〕7号), appendix 会计科目和会计报表, 一、会计科目表.
-- The revised system (财会〔2024〕25号, from 2026-01-01) is not reproduced here: its account list was
-- not available to us, and codes are never guessed. It is added as a new chart_version when it is.
INSERT INTO chart_version (code, name, source, effective_from, note, in_use) VALUES
    ('npo-2004', '民间非营利组织会计制度（2004）',
     '财政部《民间非营利组织会计制度》（财会〔2004〕7号）附件《会计科目和会计报表》一、会计科目表',
     '2005-01-01',
     '2024年修订的制度（财会〔2024〕25号）自2026年1月1日起施行，其会计科目表尚未收录；收录后作为新版本加入，记账规则按科目用途自动对应。',
     1);

INSERT INTO account (chart, code, name, kind, sort_order) VALUES
    ('npo-2004', '1001', '现金', 'asset', 1),
    ('npo-2004', '1002', '银行存款', 'asset', 2),
    ('npo-2004', '1009', '其他货币资金', 'asset', 3),
    ('npo-2004', '1101', '短期投资', 'asset', 4),
    ('npo-2004', '1102', '短期投资跌价准备', 'asset', 5),
    ('npo-2004', '1111', '应收票据', 'asset', 6),
    ('npo-2004', '1121', '应收账款', 'asset', 7),
    ('npo-2004', '1122', '其他应收款', 'asset', 8),
    ('npo-2004', '1131', '坏账准备', 'asset', 9),
    ('npo-2004', '1141', '预付账款', 'asset', 10),
    ('npo-2004', '1201', '存货', 'asset', 11),
    ('npo-2004', '1202', '存货跌价准备', 'asset', 12),
    ('npo-2004', '1301', '待摊费用', 'asset', 13),
    ('npo-2004', '1401', '长期股权投资', 'asset', 14),
    ('npo-2004', '1402', '长期债权投资', 'asset', 15),
    ('npo-2004', '1421', '长期投资减值准备', 'asset', 16),
    ('npo-2004', '1501', '固定资产', 'asset', 17),
    ('npo-2004', '1502', '累计折旧', 'asset', 18),
    ('npo-2004', '1505', '在建工程', 'asset', 19),
    ('npo-2004', '1506', '文物文化资产', 'asset', 20),
    ('npo-2004', '1509', '固定资产清理', 'asset', 21),
    ('npo-2004', '1601', '无形资产', 'asset', 22),
    ('npo-2004', '1701', '受托代理资产', 'asset', 23),
    ('npo-2004', '2101', '短期借款', 'liability', 24),
    ('npo-2004', '2201', '应付票据', 'liability', 25),
    ('npo-2004', '2202', '应付账款', 'liability', 26),
    ('npo-2004', '2203', '预收账款', 'liability', 27),
    ('npo-2004', '2204', '应付工资', 'liability', 28),
    ('npo-2004', '2206', '应交税金', 'liability', 29),
    ('npo-2004', '2209', '其他应付款', 'liability', 30),
    ('npo-2004', '2301', '预提费用', 'liability', 31),
    ('npo-2004', '2401', '预计负债', 'liability', 32),
    ('npo-2004', '2501', '长期借款', 'liability', 33),
    ('npo-2004', '2502', '长期应付款', 'liability', 34),
    ('npo-2004', '2601', '受托代理负债', 'liability', 35),
    ('npo-2004', '3101', '非限定性净资产', 'net_assets', 36),
    ('npo-2004', '3102', '限定性净资产', 'net_assets', 37),
    ('npo-2004', '4101', '捐赠收入', 'revenue', 38),
    ('npo-2004', '4201', '会费收入', 'revenue', 39),
    ('npo-2004', '4301', '提供服务收入', 'revenue', 40),
    ('npo-2004', '4401', '政府补助收入', 'revenue', 41),
    ('npo-2004', '4501', '商品销售收入', 'revenue', 42),
    ('npo-2004', '4601', '投资收益', 'revenue', 43),
    ('npo-2004', '4901', '其他收入', 'revenue', 44),
    ('npo-2004', '5101', '业务活动成本', 'expense', 45),
    ('npo-2004', '5201', '管理费用', 'expense', 46),
    ('npo-2004', '5301', '筹资费用', 'expense', 47),
    ('npo-2004', '5401', '其他费用', 'expense', 48);

INSERT INTO account_role (chart, role, account_code) VALUES
    ('npo-2004', 'bank', '1002'),
    ('npo-2004', 'cash', '1001'),
    ('npo-2004', 'other_money', '1009'),
    ('npo-2004', 'grant_revenue', '4401'),
    ('npo-2004', 'program_cost', '5101'),
    ('npo-2004', 'admin_expense', '5201'),
    ('npo-2004', 'unrestricted_net_assets', '3101'),
    ('npo-2004', 'restricted_net_assets', '3102');

-- Receipts recorded before the ledger existed get their vouchers now, numbered per calendar year
-- in date order: 借 银行存款, 贷 政府补助收入（限定性）.
INSERT INTO voucher (year, seq, voucher_date, kind, summary, grant_year_id, receipt_id, payee,
                     payment_method, chart, operator, created_at)
SELECT CAST(strftime('%Y', r.received_on) AS INTEGER),
       ROW_NUMBER() OVER (PARTITION BY strftime('%Y', r.received_on) ORDER BY r.received_on, r.id),
       r.received_on, 'receipt',
       g.year || '年度' || CASE r.source WHEN 'city' THEN '市级专项资金' ELSE '区级配套资金' END || '到账',
       r.grant_year_id, r.id, '', 'bank', 'npo-2004', '升级', r.created_at
FROM fund_receipt r JOIN grant_year g ON g.id = r.grant_year_id;

INSERT INTO voucher_line (voucher_id, line_no, account_code, debit_fen, credit_fen, grant_year_id, source, category_code)
SELECT v.id, 1, '1002', r.amount_fen, 0, r.grant_year_id, r.source, NULL
FROM voucher v JOIN fund_receipt r ON r.id = v.receipt_id;

INSERT INTO voucher_line (voucher_id, line_no, account_code, debit_fen, credit_fen, grant_year_id, source, category_code)
SELECT v.id, 2, '4401', 0, r.amount_fen, r.grant_year_id, r.source, NULL
FROM voucher v JOIN fund_receipt r ON r.id = v.receipt_id;
