-- 0007: the revised 民间非营利组织会计制度 (财会〔2024〕25号, in force from 2026-01-01) as a second
-- chart_version. Which chart a grant year and its vouchers use is now chosen by date (the latest
-- chart whose effective_from is on or before the date), so the old "in use" flag goes.
-- Never edit a released migration: add a new numbered file instead.

DROP INDEX chart_version_in_use;
ALTER TABLE chart_version DROP COLUMN in_use;

-- Where each account's code and name come from: charts built from secondary sources say so per
-- account, so a later check against the official text can correct one line at a time.
ALTER TABLE account ADD COLUMN source TEXT NOT NULL DEFAULT '';
UPDATE account SET source = '财会〔2004〕7号 附件《会计科目和会计报表》一、会计科目表' WHERE chart = 'npo-2004';

UPDATE chart_version
SET note = '适用于2025年12月31日及以前的凭证和年度资助；2026年1月1日起按2024年修订的制度（财会〔2024〕25号）记账。'
WHERE code = 'npo-2004';

-- The official appendix (会计科目和会计报表) of 财会〔2024〕25号 was not available to us. The codes
-- below are exactly those on which two independent published charts built on the revised system
-- agree; nothing else is added, and no code is derived from a 2004 code by its number (5201 is
-- 管理费用 in 2004 and 税金及附加 here).
INSERT INTO chart_version (code, name, source, effective_from, note) VALUES
    ('npo-2024', '民间非营利组织会计制度（2024年修订）',
     '财政部《民间非营利组织会计制度》（财会〔2024〕25号）；科目编码和名称取自两份相互独立、依据该制度编制的公开科目表（二手资料），仅收录两者一致的科目',
     '2026-01-01',
     '未能取得制度附录（会计科目和会计报表）原文核对，科目以两份独立公开科目表一致的部分为准；如与原文不符，以原文为准。');

INSERT INTO account (chart, code, name, kind, sort_order, source) VALUES
    ('npo-2024', '1001', '现金', 'asset', 1, ''),
    ('npo-2024', '1002', '银行存款', 'asset', 2, ''),
    ('npo-2024', '1009', '其他货币资金', 'asset', 3, ''),
    ('npo-2024', '1122', '其他应收款', 'asset', 4, ''),
    ('npo-2024', '1141', '预付账款', 'asset', 5, ''),
    ('npo-2024', '1501', '固定资产', 'asset', 6, ''),
    ('npo-2024', '1502', '累计折旧', 'asset', 7, ''),
    ('npo-2024', '1601', '无形资产', 'asset', 8, ''),
    ('npo-2024', '1602', '累计摊销', 'asset', 9, ''),
    ('npo-2024', '1701', '长期待摊费用', 'asset', 10, ''),
    ('npo-2024', '1801', '受托代理资产', 'asset', 11, ''),
    ('npo-2024', '2202', '应付账款', 'liability', 12, ''),
    ('npo-2024', '2204', '应付职工薪酬', 'liability', 13, ''),
    ('npo-2024', '2206', '应交税费', 'liability', 14, ''),
    ('npo-2024', '2209', '其他应付款', 'liability', 15, ''),
    ('npo-2024', '2601', '受托代理负债', 'liability', 16, ''),
    ('npo-2024', '3101', '非限定性净资产', 'net_assets', 17, ''),
    ('npo-2024', '3102', '限定性净资产', 'net_assets', 18, ''),
    ('npo-2024', '3201', '以前年度净资产调整', 'net_assets', 19, ''),
    ('npo-2024', '4101', '捐赠收入', 'revenue', 20, ''),
    ('npo-2024', '4201', '会费收入', 'revenue', 21, ''),
    ('npo-2024', '4301', '提供服务收入', 'revenue', 22, ''),
    ('npo-2024', '4401', '政府补助收入', 'revenue', 23, ''),
    ('npo-2024', '4601', '投资收益', 'revenue', 24, ''),
    ('npo-2024', '4701', '总部拨款收入', 'revenue', 25, ''),
    ('npo-2024', '4901', '其他收入', 'revenue', 26, ''),
    ('npo-2024', '5101', '业务活动成本', 'expense', 27, ''),
    ('npo-2024', '5201', '税金及附加', 'expense', 28, ''),
    ('npo-2024', '5301', '管理费用', 'expense', 29, ''),
    ('npo-2024', '5401', '筹资费用', 'expense', 30, ''),
    ('npo-2024', '5501', '资产减值损失', 'expense', 31, ''),
    ('npo-2024', '5601', '所得税费用', 'expense', 32, ''),
    ('npo-2024', '5901', '其他费用', 'expense', 33, '');
UPDATE account
SET source = '财会〔2024〕25号：两份相互独立、依据该制度编制的公开科目表（二手资料）一致；未与制度附录原文核对'
WHERE chart = 'npo-2024';

-- The roles of the revised chart, each chosen by the account's meaning, not by its number.
INSERT INTO account_role (chart, role, account_code) VALUES
    ('npo-2024', 'bank', '1002'),
    ('npo-2024', 'cash', '1001'),
    ('npo-2024', 'other_money', '1009'),
    ('npo-2024', 'grant_revenue', '4401'),
    ('npo-2024', 'program_cost', '5101'),
    ('npo-2024', 'admin_expense', '5301'),
    ('npo-2024', 'unrestricted_net_assets', '3101'),
    ('npo-2024', 'restricted_net_assets', '3102');

-- A voucher line names an account of its voucher's own chart: a 2026 line on 5201 is 税金及附加,
-- never 管理费用, and a code that the voucher's chart does not have is refused physically.
CREATE TRIGGER voucher_line_account_in_chart BEFORE INSERT ON voucher_line
WHEN NOT EXISTS (SELECT 1 FROM voucher v JOIN account a ON a.chart = v.chart AND a.code = NEW.account_code
                 WHERE v.id = NEW.voucher_id)
BEGIN SELECT RAISE(ABORT, 'R-CHART account not in the voucher''s chart'); END;

-- R-CHART: one grant year's execution period lies under one chart (grant years are calendar
-- years); the facade refuses it with a message first, this keeps even a bug from writing it.
CREATE TRIGGER grant_year_one_chart_insert BEFORE INSERT ON grant_year
WHEN (SELECT count(*) FROM chart_version
      WHERE effective_from > NEW.period_start AND effective_from <= NEW.period_end) > 0
BEGIN SELECT RAISE(ABORT, 'R-CHART period spans a change of chart'); END;
CREATE TRIGGER grant_year_one_chart_update BEFORE UPDATE OF period_start, period_end ON grant_year
WHEN (SELECT count(*) FROM chart_version
      WHERE effective_from > NEW.period_start AND effective_from <= NEW.period_end) > 0
BEGIN SELECT RAISE(ABORT, 'R-CHART period spans a change of chart'); END;
