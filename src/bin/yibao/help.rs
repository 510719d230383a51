//! Short bilingual help for each command.

pub fn text(cmd: Option<&str>) -> &'static str {
    match cmd {
        Some("list") => LIST,
        Some("premium") => PREMIUM,
        Some("eligibility") => ELIGIBILITY,
        Some("claim") => CLAIM,
        Some("compare") => COMPARE,
        Some("year") => YEAR,
        Some("enrolment") => ENROLMENT,
        Some("check") => CHECK,
        Some("pack") => PACK,
        Some("household") => HOUSEHOLD,
        Some("diff") => DIFF,
        Some("decision") => DECISION,
        _ => MAIN,
    }
}

const MAIN: &str = "\
yibao — 医保测算：城乡居民基本医疗保险的缴费与报销测算，每个数字注明政策出处
        resident basic medical insurance calculator; every figure cites its clause

用法 Usage: yibao <命令 command> [选项 options]

命令 Commands:
  list         列出方案及其地区、类别、身份、医院级别、待遇类型 / list schemes and their ids
  premium      个人缴费与各级补助 / what you pay and who subsidises it
  eligibility  能否参加本方案 / whether you may enrol
  claim        一次就医的报销测算 / what one bill costs you
  compare      同一笔费用在各级医院的报销对比 / one bill at every hospital level
  year         一年多次就医（读文件）/ a year of claims from a file
  enrolment    断保后什么时候能报销、大病保险限额 / when benefits start after a break
  household    一家人的缴费：每人、合计、谁不用缴及原因 / what a household pays
  diff         与上年相比：两个医保年度逐项对比及来源 / two coverage years side by side
  decision     何时缴费：今天交、某天交、不交，各自的待遇开始日期与一笔费用的自付 / when to pay
  check        检查政策文件 / validate policy files
  pack         生成网页用的政策包 / write the policy packs the page fetches

通用选项 Global options:
  --json           输出机器可读的 JSON / print the API response as JSON
  --lang zh|en     人类可读输出的语言（默认中文）/ language of human output (default zh)
  --policy FILE    另外加载一个政策文件（可多次）/ load an extra policy file (repeatable)
  -h, --help       帮助 / help (also: yibao help <command>)

退出码 Exit codes: 0 成功 ok · 1 check 发现问题 findings · 2 输入错误 error

详见 See CLI.md.";

const LIST: &str = "\
yibao list [TOPIC] [--scheme S]
  列出方案（默认）或某方案的编号与名称 / list schemes (default) or a scheme's ids and names
  TOPIC: schemes | regions | categories | statuses | levels | kinds
  --scheme S   只看这个方案（省略则列出全部方案）/ only this scheme (default: all)

例 Example: yibao list regions --scheme jilin-2008";

const PREMIUM: &str = "\
yibao premium --scheme S --region R --category C [--status X]... [--year Y] [--date YYYY-MM-DD]
  某医保年度的个人缴费、各级财政补助、未指明承担者的部分及计算依据和来源
  what you pay for a coverage year, each payer's share, any unassigned part, with the clauses
  and the sources (page address, grade)
  --status X   身份（低保、重度残疾等），可多次或用逗号分隔 / status id, repeatable or comma-separated
  --year Y     医保年度，如 2026；没有来源的年度会说明有来源的年度 / coverage year, e.g. 2026;
               a year no source covers is refused, naming the sourced years
  --date D     缴费日期（不给 --year 时按其所属缴费期确定医保年度）/ contribution date (without
               --year, the coverage year whose collection window holds it)
  --city C     所在市、县（代码 220300、名称 四平、拼音 siping 或首字母 sp）代替 --region；
               不给 --scheme 时用覆盖它的最新方案 / a city or county instead of --region
               (code, name, pinyin or initials); without --scheme, the latest scheme covering it

例 Example: yibao premium --scheme jilin-2016 --region jilin --category urban_adult --year 2026";

const ELIGIBILITY: &str = "\
yibao eligibility --scheme S --region R --category C [--status X]...
  能否参加本方案；不能时说明依据和应参加的制度
  whether you may enrol; if not, the clause and the scheme you belong to

例 Example: yibao eligibility --scheme jilin-2008 --region prefecture --category adult --status employee_insured";

const CLAIM: &str = "\
yibao claim --scheme S --region R --category C [--status X]... --kind K --level L --date D
            --total AMOUNT [--out-of-scope AMOUNT] [--disease ID] [--paid-on D]
            [--renewed yes|no] [--in-window yes|no] [--missed N] [--extra-paid N] [--newborn]
  一次住院或门诊的统筹基金支付与个人负担 / what the fund pays and what you pay for one bill
  --kind K          inpatient | outpatient_major | student_accident | general_outpatient
  --level L         医院级别（见 yibao list levels）/ hospital level id
  --date D          入院（就诊）日期 / admission or visit date
  --total A         医疗费总额（元）/ total bill in yuan
  --out-of-scope A  全自费金额（元，默认 0）/ part outside the policy scope (default 0)
  --disease ID      门诊大病病种 / disease id for outpatient_major
  --paid-on D       缴费日期（待遇年度与等待期从此起算）/ contribution date (benefit year, waiting period)
  --renewed yes|no  此后每年连续缴费、无中断？no：每次年度缴费后都有等待期；不填按 yes 计算并提示
                    paid every later year without a break? no: each annual payment starts a waiting
                    period; absent: taken as yes, with a notice
  --in-window yes|no, --missed N, --extra-paid N, --newborn
                    --paid-on 所缴医保年度的参保情况（同 yibao enrolment）：待遇开始日之前的费用
                    统筹基金不支付（等待期内）；都不填时按在集中缴费期内连续参保计算并提示
                    how you enrolled for the coverage year --paid-on pays for (as yibao enrolment):
                    bills before benefits start are not paid (waiting period); none given: taken as
                    paid in the window without a break, with a notice

例 Example: yibao claim --scheme jilin-2016 --region jilin --category urban_adult --kind inpatient \
            --level province --date 2026-04-01 --total 50000 --paid-on 2026-03-10 --in-window no
例 Example: yibao claim --scheme jilin-2008 --region prefecture --category adult \\
            --kind inpatient --level city --date 2008-10-01 --total 50000 --out-of-scope 2000";

const COMPARE: &str = "\
yibao compare --scheme S --region R --category C [--status X]... --kind K --date D
              --total AMOUNT [--out-of-scope AMOUNT] [--disease ID] [--paid-on D]
              [--renewed yes|no] [--in-window yes|no] [--missed N] [--extra-paid N] [--newborn]
  同一笔费用在每个医院级别的报销对比 / the same bill settled at every hospital level

例 Example: yibao compare --scheme jilin-2008 --region prefecture --category adult \\
            --kind inpatient --date 2008-10-01 --total 50000";

const YEAR: &str = "\
yibao year --file FILE.toml|FILE.json [--steps]
  一年内多次就医：按日期顺序结算，显示合计与最高支付限额使用情况
  a year of claims, settled in date order, with totals and limit use
  --steps   显示每笔的计算过程 / show each claim's working

文件格式见 CLI.md / file format: see CLI.md (example: tests/cli/year.toml)";

const CHECK: &str = "\
yibao check [FILES or FOLDERS...]
  不带文件：检查内置政策文件；带文件：与其依赖的内置国家层、框架文件一起检查；
  文件夹表示其中（含子文件夹）所有 *.toml 文件 / a folder means every *.toml file under it
  no files: check the built-in policies; with files: check them with the built-in layer and
  framework files they depend on (a given file replaces a built-in one with the same meta.id)
  每条问题一行：文件: 字段: 说明（依据 条款）；有问题退出码 1
  one line per finding: file: field: message (clause); exit 1 if any";

const ENROLMENT: &str = "\
yibao enrolment --scheme S --region R --category C --year Y [--in-window yes|no]
                [--continuous N] [--missed N] [--extra-paid N] [--no-claim-last-year] [--paid-on D]
                [--newborn]
  去年参保了吗？断保几年？——待遇从哪天开始（固定 + 变动等待期），大病保险最高支付限额（含激励）
  did you enrol last year? years missed? — when benefits start, and the critical-illness maximum
  --year Y             医保年度 / coverage year
  --in-window yes|no   是否在集中缴费期内缴费；不填时按缴费日期与当年集中缴费期判断
                       paid inside the collection window? absent: read from --paid-on and the window
  --continuous N       截至去年连续参保年数（去年未参保则为 0）/ years enrolled in a row up to last year
  --missed N           断保年数（去年参保则为 0）/ years not enrolled just before
  --extra-paid N       多缴（补缴）年数 / extra years paid
  --no-claim-last-year 去年参保且零报销 / enrolled last year with no reimbursement
  --paid-on D          缴费日期（有等待期时必填）/ payment date (needed with a waiting period)
  --newborn            新生儿（国办发〔2024〕38号：不设待遇等待期）/ a newborn (no waiting period)

例 Example: yibao enrolment --scheme jilin-2016 --region jilin --category urban_adult --year 2026 \\
            --missed 2 --in-window no --paid-on 2026-03-10";

const PACK: &str = "\
yibao pack — 生成政策包（网页按需下载的、已校验的方案数据）/ write policy packs (the validated
             scheme data the page fetches)

用法 Usage:
  yibao pack FILE... [--out DIR]     文件所属方案的政策包；先按 yibao check 检查（含内置文件）
                                     packs of the schemes the files belong to, checked first as
                                     yibao check checks them (with every built-in file)
  yibao pack --builtin [--out DIR]   每个内置方案的政策包 / every built-in scheme's pack

每个政策包写作 DIR/<方案>.<哈希>.pack（DIR 默认当前文件夹），DIR/index.json 列出它们；有问题时
不写出，退出码 2。Each pack is written as DIR/<scheme>.<hash>.pack (DIR defaults to the current
folder), listed in DIR/index.json; with findings nothing is written (exit 2). 网页 / the widget: <yibao-calculator policy-pack=\"/path/x.pack\">
";
const HOUSEHOLD: &str = "\
yibao household --scheme S --region R [--year Y] [--date D] --member CATEGORY[:STATUS[,STATUS]]...
  一家人（最多 12 人）某医保年度的缴费：每人的个人缴费、医疗救助资助、财政补助、长护险等附加险种，
  家庭合计（等于每人 premium 结果之和），谁不用缴及原因，每个数字的来源与可信度
  what a household (up to 12 members) pays for a coverage year: each member's own share, aid,
  subsidy and add-ons, the total (the sum of each member's premium answer), who pays nothing and
  why, each figure's source and grade
  --member C[:X,Y]   每位成员一个：类别和身份，如 urban_adult:dibao；新生儿加 born=出生日期
                     one per member: category and statuses; a newborn adds born=YYYY-MM-DD
                     (no source sets newborns' contributions: answered as not set)

例 Example: yibao household --scheme jilin-2016 --region jilin --year 2026 \\
            --member urban_adult --member urban_adult --member student_child --member urban_adult:dibao";

const DIFF: &str = "\
yibao diff --scheme S --region R --category C [--status X]... --from Y1 --to Y2
  与上年相比：两个医保年度的缴费逐项并列（缴费标准、个人缴费、各方补助、附加险种）、变化，
  以及年度文件中按日期的待遇规则（大病保险、医疗救助、等待期）；两年各自的来源。
  没有来源的年度说明原因，不作比较；预测年度标为假设
  two coverage years side by side, line by line, with the change and both years' sources; a
  year without a source says so instead of comparing; a projection is labelled as one

例 Example: yibao diff --scheme jilin-2016 --region jilin --category urban_adult --from 2025 --to 2026";

const DECISION: &str = "\
yibao decision --scheme S --region R --category C [--status X]... --year Y [--today D]
               [--paid-on D] [--missed N] [--extra-paid N] [--newborn]
               [--kind K --level L --date D --total A [--out-of-scope A]]
  何时缴费：某医保年度的集中缴费期（还剩几天），今天缴费、在 --paid-on 那天缴费、不缴费，
  各自从哪天开始享受待遇（等待期），以及一笔费用各自要自付多少（与 claim 同一计算）
  when to pay for a coverage year: the collection window (days left), and paying today, on
  --paid-on, or not at all — when benefits start (waiting period) and what a bill would cost
  --today D    今天的日期（默认系统日期）/ today's date (default: the system date, UTC+8)
  --paid-on D  另一个缴费日期 / another payment date to weigh
  --missed N, --extra-paid N, --newborn   断保年数、多缴年数、新生儿（同 claim）/ as for claim
  --kind … --total A   一笔费用（日期在该医保年度内）/ a bill dated inside the coverage year

例 Example: yibao decision --scheme jilin-2016 --region jilin --category urban_adult --year 2026 \\
            --today 2026-03-10 --kind inpatient --level province --date 2026-04-01 --total 50000";
