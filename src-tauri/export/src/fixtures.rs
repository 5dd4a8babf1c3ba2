//! Fixture packets for tests, snapshots and the bench: a fictional federation in Nanjing with
//! realistic Chinese data, built deterministically (no clock, no randomness) so that a snapshot
//! only changes when the model or the data here change. Every total is computed from the rows,
//! exactly as the real builder must, so fixtures never carry inconsistent figures.

use chrono::NaiveDate;
use shelian_core::Money;
use shelian_core::credit_code;

use crate::model::{
    Approval, BudgetRow, BudgetSection, CountRow, ExecutionRow, FederationInfo, GrantInfo, IncomeExpense, MemberRow,
    MembersSection, Packet, PreviousYear, ProjectRow, ProjectsSection, TargetRow, default_commitment, execution_rate,
};

const COMMUNITIES: [&str; 8] =
    ["金川门社区", "小市社区", "三汊河社区", "热河南路社区", "挹江门社区", "新民门社区", "幕府山社区", "宝塔桥社区"];

const CATEGORIES: [&str; 6] = ["公益服务类", "慈善互助类", "调解治理类", "文体活动类", "生活服务类", "其他"];

/// (name suffix, category index) of the kinds of groups a street federation gathers.
const GROUP_KINDS: [(&str, usize); 12] = [
    ("志愿服务队", 0),
    ("睦邻互助会", 1),
    ("邻里调解工作室", 2),
    ("夕阳红舞蹈队", 3),
    ("爱心助餐点", 4),
    ("居民议事会", 2),
    ("书画社", 3),
    ("青少年成长驿站", 0),
    ("慈善超市", 1),
    ("健身腰鼓队", 3),
    ("便民维修服务队", 4),
    ("垃圾分类督导队", 5),
];

const SURNAMES: [&str; 16] =
    ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "朱", "马", "胡", "郭"];
const GIVEN: [&str; 16] = [
    "芳", "建国", "秀英", "志强", "丽华", "明", "桂兰", "海燕", "军", "玉珍", "晓东", "静", "国平", "红梅", "伟",
    "淑珍",
];

const PARTY: [&str; 4] = ["单独组建", "联合组建", "党建指导员", "未覆盖"];

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("fixture dates are valid")
}

fn yuan(y: i64) -> Money {
    Money::from_yuan(y)
}

fn fen(f: i64) -> Money {
    Money::from_fen(f)
}

fn federation() -> FederationInfo {
    FederationInfo {
        name: "南京市鼓楼区金川门街道社区社会组织联合会".into(),
        credit_code: credit_code::with_check_char("51320106MJ5H23046").expect("a valid 17-character prefix"),
        street: "金川门街道".into(),
        district: "鼓楼区".into(),
        recognition_date: date(2018, 9, 20),
        recognition_doc_no: "鼓民〔2018〕86号".into(),
        legal_rep: "张喆".into(),
        secretary: "李堃".into(),
        phone: "025-83416620".into(),
        address: "南京市鼓楼区金川门街道建宁路168号社区服务中心三楼".into(),
        bank_name: "南京银行鼓楼支行".into(),
        bank_account: "0118 2100 0004 6627 35".into(),
    }
}

/// Deterministic roster: `n` members spread over the communities and kinds of group, about a
/// third registered (登记, with a valid credit code) and the rest filed at the street (备案).
fn roster(n: usize, year: i32) -> Vec<MemberRow> {
    (0..n)
        .map(|i| {
            let community = COMMUNITIES[i % COMMUNITIES.len()];
            let (kind, cat) = GROUP_KINDS[(i * 5 + i / COMMUNITIES.len()) % GROUP_KINDS.len()];
            let registered = i % 3 == 0;
            // Past the first round of community × kind, number the groups so names stay unique.
            let round = i / (COMMUNITIES.len() * GROUP_KINDS.len());
            let ordinal = if round == 0 { String::new() } else { format!("第{}", round + 1) };
            let base = community.trim_end_matches("社区");
            let name = if registered {
                format!("南京市鼓楼区{base}{kind}{ordinal}社会服务中心")
            } else {
                format!("{community}{kind}{ordinal}")
            };
            let code = if registered {
                // Some serials have no valid check character; the next serial always does.
                (0..10)
                    .find_map(|k| credit_code::with_check_char(&format!("52320106MJ{:07}", 3_100_000 + i * 10 + k)))
                    .expect("one of ten serials has a check character")
            } else {
                format!("金川门街备〔{}〕{:03}号", 2016 + (i % 3) as i32, i + 1)
            };
            let leader = match i {
                3 => "张喆".to_owned(),
                7 => "王堃".to_owned(),
                _ => format!("{}{}", SURNAMES[(i * 7) % SURNAMES.len()], GIVEN[(i * 11 + 3) % GIVEN.len()]),
            };
            let phone = format!("1{}{:09}", [3, 5, 8, 9][i % 4], 581_204_730 + i as u64 * 7_919);
            let joined = date(2016 + (i % 3) as i32, 1 + (i * 5 % 12) as u32, 1 + (i * 13 % 28) as u32);
            let status = if i % 17 == 9 { "暂停" } else { "正常" };
            let rating = match i % 6 {
                0 => Some(format!("4A（{}）", year - 2)),
                2 => Some(format!("3A（{}）", year - 1)),
                4 if registered => Some(format!("5A（{}）", year - 3)),
                _ => None,
            };
            MemberRow {
                name,
                legal_form: if registered { "登记" } else { "备案" }.into(),
                code,
                category: CATEGORIES[cat].into(),
                community: community.into(),
                leader,
                phone: phone[..11].to_owned(),
                joined,
                status: status.into(),
                rating,
            }
        })
        .collect()
}

fn counts<'a>(labels: &[&str], values: impl Iterator<Item = &'a str> + Clone) -> Vec<CountRow> {
    labels
        .iter()
        .map(|&label| CountRow { label: label.into(), count: values.clone().filter(|v| *v == label).count() as u32 })
        .collect()
}

fn members(n: usize, year: i32) -> MembersSection {
    let roster = roster(n, year);
    let by_category = counts(&CATEGORIES, roster.iter().map(|m| m.category.as_str()));
    let by_legal_form = counts(&["登记", "备案"], roster.iter().map(|m| m.legal_form.as_str()));
    let party: Vec<&str> = (0..roster.len()).map(|i| PARTY[(i * 3 + i / 4) % PARTY.len()]).collect();
    let by_party_building = counts(&PARTY, party.iter().copied());
    let levels: Vec<&str> = roster.iter().map(|m| m.rating.as_deref().map_or("未评估", |r| &r[..2])).collect();
    let by_rating = counts(&["5A", "4A", "3A", "2A", "1A", "未评估"], levels.iter().copied());
    MembersSection { total: roster.len() as u32, by_category, by_legal_form, by_party_building, by_rating, roster }
}

fn budget(lines: &[(&str, i64, i64, &str)]) -> BudgetSection {
    let rows: Vec<BudgetRow> = lines
        .iter()
        .map(|&(category, city, district, note)| BudgetRow {
            category: category.into(),
            city: yuan(city),
            district: yuan(district),
            total: yuan(city + district),
            note: note.into(),
        })
        .collect();
    let city_total: Money = rows.iter().map(|r| r.city).sum();
    let district_total: Money = rows.iter().map(|r| r.district).sum();
    let total = city_total + district_total;
    BudgetSection { rows, city_total, district_total, total, total_daxie: total.to_daxie() }
}

const PROJECT_THEMES: [(&str, &str, &str); 10] = [
    ("银龄助餐暖心行动", "生活服务类", "助餐服务"),
    ("邻里纠纷调解驿站", "调解治理类", "调解纠纷"),
    ("青少年四点半课堂", "公益服务类", "课后托管"),
    ("社区文体展演季", "文体活动类", "文体活动"),
    ("垃圾分类志愿宣传", "其他", "入户宣传"),
    ("独居老人探访关爱", "慈善互助类", "上门探访"),
    ("楼道议事微治理", "调解治理类", "议事协商"),
    ("残障人士康复陪伴", "慈善互助类", "康复陪伴"),
    ("新市民融入计划", "公益服务类", "融入活动"),
    ("社区书香读书会", "文体活动类", "读书分享"),
];

/// `n` projects undertaken by registered members of `roster`, with amounts that sum to at most
/// the project-activity budget (R-PROJECT is the builder's business, but fixtures stay plausible).
fn projects(n: usize, year: i32, roster: &[MemberRow], activity_budget: Money) -> ProjectsSection {
    let undertakers: Vec<&MemberRow> = roster.iter().filter(|m| m.status == "正常").collect();
    // Spread 95% of the activity budget over the projects in whole hundreds of yuan.
    let pool = activity_budget.to_fen() / 100 * 95 / 100;
    let weights: Vec<i64> = (0..n).map(|i| 8 + ((i * 7) % 5) as i64).collect();
    let weight_sum: i64 = weights.iter().sum();
    let rows: Vec<ProjectRow> = (0..n)
        .map(|i| {
            let (theme, category, service) = PROJECT_THEMES[i % PROJECT_THEMES.len()];
            let round = i / PROJECT_THEMES.len();
            let name = if round == 0 { theme.to_owned() } else { format!("{theme}（{}期）", round + 1) };
            let undertaker = undertakers[(i * 3) % undertakers.len()].name.clone();
            let communities: Vec<String> =
                (0..1 + i % 3).map(|k| COMMUNITIES[(i + k * 3) % COMMUNITIES.len()].to_owned()).collect();
            let amount = pool * weights[i] / weight_sum / 100 * 100;
            let start_month = 3 + (i % 3) as u32;
            ProjectRow {
                name,
                undertaker,
                category: category.into(),
                communities,
                agreed_amount: yuan(amount),
                period_start: date(year, start_month, 1),
                period_end: date(year, 12, 15),
                targets: format!(
                    "{service} {} 场次；服务居民 {} 人次；志愿服务 {} 小时",
                    12 + i % 4 * 6,
                    150 + (i * 37) % 250,
                    120 + (i * 53) % 300
                ),
            }
        })
        .collect();
    let agreed_total = rows.iter().map(|r| r.agreed_amount).sum();
    ProjectsSection { rows, agreed_total }
}

fn targets(projects: usize, sessions: u32, people: u32, hours: u32) -> Vec<TargetRow> {
    let t = |category: &str, indicator: &str, target: String, unit: &str| TargetRow {
        category: category.into(),
        indicator: indicator.into(),
        target,
        unit: unit.into(),
    };
    vec![
        t("产出指标", "实施社区服务项目", projects.to_string(), "个"),
        t("产出指标", "开展社区服务活动", format!("≥{sessions}"), "场次"),
        t("产出指标", "服务社区居民", format!("≥{people}"), "人次"),
        t("产出指标", "志愿服务时长", format!("≥{hours}"), "小时"),
        t("产出指标", "培训成员单位骨干", "≥100".into(), "人次"),
        t("质量指标", "项目按期完成率", "100".into(), "%"),
        t("质量指标", "资金专款专用率", "100".into(), "%"),
        t("效益指标", "新培育社区社会组织", "≥5".into(), "家"),
        t("效益指标", "成员单位参与项目比例", "≥60".into(), "%"),
        t("满意度指标", "服务对象满意度", "≥90".into(), "%"),
    ]
}

fn grant(year: i32, sequence: u8, city: i64, approval: Option<Approval>) -> GrantInfo {
    let city_amount = yuan(city);
    let district_amount = yuan(city);
    let total = city_amount + district_amount;
    GrantInfo {
        year,
        sequence,
        sequence_label: format!("第{sequence}年"),
        city_amount,
        city_daxie: city_amount.to_daxie(),
        district_amount,
        district_daxie: district_amount.to_daxie(),
        total,
        total_daxie: total.to_daxie(),
        match_ratio: "1:1".into(),
        approval,
        period_start: date(year, 1, 1),
        period_end: date(year, 12, 31),
        chart: CHART_2004.into(),
    }
}

/// Both fixture years (2019, 2020) are kept on the 2004 chart.
const CHART_2004: &str = "民间非营利组织会计制度（2004）";

const BUDGET_YEAR1: [(&str, i64, i64, &str); 6] = [
    ("项目活动费", 90_000, 100_000, "服务项目活动物料、场地、餐食等"),
    ("人员劳务费", 24_000, 20_000, "项目社工及督导劳务"),
    ("培训费", 12_000, 10_000, "成员单位骨干培训 4 期"),
    ("宣传费", 8_000, 8_000, "宣传册、展板、公众号运营"),
    ("办公费", 6_000, 4_000, "办公用品、打印复印"),
    ("评估审计费", 10_000, 8_000, "第三方评估与专项审计"),
];

const BUDGET_YEAR2: [(&str, i64, i64, &str); 6] = [
    ("项目活动费", 110_000, 120_000, "服务项目活动物料、场地、餐食等"),
    ("人员劳务费", 28_000, 24_000, "项目社工及督导劳务"),
    ("培训费", 14_000, 12_000, "成员单位骨干培训 5 期"),
    ("宣传费", 10_000, 10_000, "宣传册、展板、公众号运营"),
    ("办公费", 6_000, 4_000, "办公用品、打印复印"),
    ("评估审计费", 12_000, 10_000, "第三方评估与专项审计"),
];

/// Year-1 spending in fen per category: (city, district).
const SPENT_YEAR1: [(i64, i64); 6] = [
    (8_865_000, 9_632_000),
    (2_400_000, 2_000_000),
    (1_123_050, 948_000),
    (786_000, 795_000),
    (541_230, 398_860),
    (900_000, 800_000),
];

fn plan_year1() -> Vec<String> {
    vec![
        "本年度，联合会以“党建引领、社会协同、居民参与”为主线，围绕辖区“一老一小”、邻里矛盾调解和社区文化建设等居民关切，组织成员单位承接社区服务项目，推动社区社会组织从“自娱自乐”走向“参与治理”。".into(),
        "一是实施六个社区服务项目，覆盖辖区八个社区，由联合会统一公开征集、评审立项、签订协议，按进度拨付资金；二是开展成员单位骨干培训四期，内容包括项目设计、财务规范和志愿者管理；三是建立“月报告、季督导、年评估”的项目管理制度，委托第三方开展中期督导和年终评估。".into(),
        "资金使用上，严格执行市级专项资金与区级配套资金的预算，专款专用、分源核算，所有支出通过联合会对公账户结算，按月结账、按季公示。".into(),
    ]
}

fn plan_year2() -> Vec<String> {
    vec![
        "在第一年试点的基础上，本年度联合会将巩固“项目化运作、社会化参与”的工作机制，把第一年评估为优秀的助餐、调解和四点半课堂项目延续深化，同时新增楼道议事和残障人士康复陪伴项目，回应居民新的需求。".into(),
        "重点做好三件事：一是扩大成员单位参与面，力争参与项目的成员单位比例达到六成以上；二是培育五家以上新的社区社会组织，推动备案组织规范化发展；三是完善项目绩效评价，引入服务对象满意度测评，评估结果作为下一年度项目承接的重要依据。".into(),
    ]
}

fn summary_year1() -> Vec<String> {
    vec![
        "上年度联合会获市级社区建设专项资金资助 15 万元，区级 1:1 配套 15 万元，两项资金均已足额到位。联合会组织实施服务项目六个，开展各类社区服务活动 136 场次，服务居民 3,420 人次，志愿服务时长 2,260 小时。".into(),
        "资金方面，全年支出严格按照批复预算执行，未发生超预算、跨科目支出。年末委托第三方机构完成专项审计，审计意见为无保留意见；剩余资金已按规定结转。".into(),
    ]
}

fn previous_year(year: i32) -> PreviousYear {
    let mut execution = Vec::new();
    for (&(category, city, district, _), &(city_spent, district_spent)) in BUDGET_YEAR1.iter().zip(SPENT_YEAR1.iter()) {
        execution.push(execution_row(category, yuan(city), fen(city_spent), yuan(district), fen(district_spent)));
    }
    let sum = |f: fn(&ExecutionRow) -> Money| execution.iter().map(f).sum::<Money>();
    let execution_total = execution_row(
        "合计",
        sum(|r| r.city_budget),
        sum(|r| r.city_spent),
        sum(|r| r.district_budget),
        sum(|r| r.district_spent),
    );
    let city_received = yuan(150_000);
    let district_received = yuan(150_000);
    let income_expense = IncomeExpense {
        city_received,
        district_received,
        total_received: city_received + district_received,
        city_spent: execution_total.city_spent,
        district_spent: execution_total.district_spent,
        total_spent: execution_total.total_spent,
        city_balance: city_received - execution_total.city_spent,
        district_balance: district_received - execution_total.district_spent,
        total_balance: city_received + district_received - execution_total.total_spent,
        total_spent_daxie: execution_total.total_spent.to_daxie(),
    };
    PreviousYear {
        year,
        approval: Some(Approval { doc_no: "宁民社〔2019〕41号".into(), date: date(year, 3, 28) }),
        city_amount: city_received,
        district_amount: district_received,
        total: city_received + district_received,
        execution,
        execution_total,
        chart: CHART_2004.into(),
        income_expense,
        summary: summary_year1(),
    }
}

fn execution_row(
    category: &str,
    city_budget: Money,
    city_spent: Money,
    district_budget: Money,
    district_spent: Money,
) -> ExecutionRow {
    let total_budget = city_budget + district_budget;
    let total_spent = city_spent + district_spent;
    ExecutionRow {
        category: category.into(),
        city_budget,
        city_spent,
        city_remaining: city_budget - city_spent,
        district_budget,
        district_spent,
        district_remaining: district_budget - district_spent,
        total_budget,
        total_spent,
        rate: execution_rate(total_spent, total_budget),
    }
}

impl Packet {
    /// The first funded year (2019) of the fixture federation: 24 members, 6 projects.
    pub fn fixture_year1() -> Packet {
        Packet::fixture(1, 24, 6)
    }

    /// The second funded year (2020), with the 2019 spending report: 28 members, 7 projects.
    pub fn fixture_year2() -> Packet {
        Packet::fixture(2, 28, 7)
    }

    /// A fixture of any size, for benches (e.g. 500 members, 50 projects). `sequence` is 1 or 2.
    pub fn fixture(sequence: u8, members_count: usize, projects_count: usize) -> Packet {
        let year2 = sequence >= 2;
        let year = if year2 { 2020 } else { 2019 };
        let members = members(members_count, year);
        let budget = budget(if year2 { &BUDGET_YEAR2 } else { &BUDGET_YEAR1 });
        let activity = budget.rows[0].total;
        let projects = projects(projects_count, year, &members.roster, activity);
        let sessions = projects.rows.len() as u32 * 20;
        let targets = targets(projects.rows.len(), sessions, sessions * 25, sessions * 16);
        let city = if year2 { 180_000 } else { 150_000 };
        let grant = grant(year, if year2 { 2 } else { 1 }, city, None);
        Packet {
            schema_version: crate::model::PACKET_SCHEMA_VERSION,
            federation: federation(),
            grant,
            members,
            budget,
            projects,
            targets,
            previous_year: year2.then(|| previous_year(year - 1)),
            plan: if year2 { plan_year2() } else { plan_year1() },
            commitment: default_commitment(),
            generated_on: if year2 { date(2019, 12, 10) } else { date(2018, 12, 12) },
            // An application made before approval: nothing has arrived or been spent yet.
            funds: None,
            warnings: Vec::new(),
        }
    }
}
