//! The engine: loaded policies and the entry points (catalogue, eligibility, premium, claim,
//! year, compare, policy loading). Everything here is pure: callers hand in text and requests.

use crate::api::*;
use crate::date::Date;
use crate::error::{Error, ErrorKind};
use crate::explain;
use crate::form::Form;
use crate::money::Money;
#[cfg(feature = "loader")]
use crate::policy::load::{kind_id, merge_city, parse, CityFile, Parsed};
use crate::policy::model::*;
#[cfg(feature = "loader")]
use crate::policy::validate::{check_city_against, check_city_meta, check_complete, check_policy};
use crate::timeline;
use rust_decimal::Decimal;

use crate::who::Who;
pub use crate::who::{MAX_CLAIMS, MAX_STATUSES};

mod pack;
pub use pack::{checksum, pack_name, FORMAT as PACK_FORMAT};

#[derive(Clone, Debug)]
struct City {
    file: String,
    id: String,
    region: Region,
    policy: Policy,
    /// `policy`'s benefits resolved for settling claims; not in packs (built on reading).
    form: Form,
}

#[derive(Clone, Debug)]
struct Scheme {
    file: String,
    policy: Policy,
    /// The framework as parsed, which city files are merged into; `None` when the scheme came
    /// from a pack.
    #[cfg(feature = "loader")]
    raw: Option<toml::Table>,
    /// `policy`'s benefits resolved for settling claims; not in packs (built on reading).
    form: Form,
    cities: Vec<City>,
    /// Annual files (contributions by coverage year), as (file name, policy).
    annual: Vec<(String, Policy)>,
    /// The content hash of the pack it came from (`None`: from policy files).
    pack: Option<String>,
}

/// A file that passed every check, ready to be added ([`Engine::add_parsed`]).
#[cfg(feature = "loader")]
enum Staged {
    Layer(Box<(String, Policy)>),
    Framework(Box<Scheme>),
    /// A city of the scheme at this index.
    City(usize, Box<City>),
    /// An annual file of the scheme at this index.
    Annual(usize, Box<(String, Policy)>),
}

/// Holds the loaded policies. Build once with [`Engine::builtin`] and query many times.
#[derive(Clone, Debug, Default)]
pub struct Engine {
    schemes: Vec<Scheme>,
    layers: Vec<(String, Policy)>,
    /// The checksum of each layer's bytes in the pack it came from, by layer id (a layer from a
    /// policy file has none): how a later pack's copy of the layer is compared with it.
    layer_sums: Vec<(String, u64)>,
}

impl Engine {
    /// An engine with the built-in policies of `policies/`, parsed and validated from their TOML
    /// text (the CLI, the tests, the full wasm module). The browser's modules start empty and are
    /// handed each scheme's pack ([`Engine::add_pack`]), written from this engine.
    #[cfg(feature = "loader")]
    pub fn builtin() -> Result<Engine, Vec<Error>> {
        let mut e = Engine::default();
        for (file, text) in crate::builtin::FILES {
            e.add_policy(file, text)?;
        }
        Ok(e)
    }

    /// Validates and adds one policy file. Nothing is added unless the whole file passes.
    #[cfg(feature = "loader")]
    pub fn add_policy(&mut self, file: &str, text: &str) -> Result<LoadedPolicy, Vec<Error>> {
        let parsed = parse(file, text).map_err(|e| vec![e])?;
        self.add_parsed(file, parsed)
    }

    /// [`Engine::add_policy`] for a file already parsed.
    #[cfg(feature = "loader")]
    pub fn add_parsed(&mut self, file: &str, parsed: Parsed) -> Result<LoadedPolicy, Vec<Error>> {
        let (out, staged) = self.stage(file, parsed)?;
        match staged {
            Staged::Layer(l) => self.layers.push(*l),
            Staged::Framework(s) => self.schemes.push(*s),
            Staged::City(si, c) => self.schemes[si].cities.push(*c),
            Staged::Annual(si, a) => self.schemes[si].annual.push(*a),
        }
        Ok(out)
    }

    /// What [`Engine::add_policy`] answers, without adding the file: every check against what is
    /// loaded, on a shared engine (the policy fuzz target checks each input this way instead of
    /// cloning the built-in engine per input).
    #[cfg(feature = "loader")]
    pub fn check_policy(&self, file: &str, text: &str) -> Result<LoadedPolicy, Vec<Error>> {
        let parsed = parse(file, text).map_err(|e| vec![e])?;
        self.stage(file, parsed).map(|(out, _)| out)
    }

    /// Every check of a parsed file against what is loaded; the answer and what to add.
    #[cfg(feature = "loader")]
    fn stage(&self, file: &str, parsed: Parsed) -> Result<(LoadedPolicy, Staged), Vec<Error>> {
        match parsed {
            Parsed::Policy(p, _) if p.meta.kind == FileKind::Annual => self.stage_annual(file, *p),
            Parsed::Policy(p, raw) => self.stage_framework(file, *p, raw),
            Parsed::City(city) => self.stage_city(file, *city),
        }
    }

    /// A framework or a layer, checked on its own and against what is loaded.
    #[cfg(feature = "loader")]
    fn stage_framework(
        &self,
        file: &str,
        p: Policy,
        raw: toml::Table,
    ) -> Result<(LoadedPolicy, Staged), Vec<Error>> {
        let mut errs = check_policy(file, &p);
        let id = p.meta.id.clone();
        if self.schemes.iter().any(|s| s.policy.meta.id == id)
            || self.layers.iter().any(|l| l.1.meta.id == id)
        {
            errs.push(
                Error::new(
                    ErrorKind::PolicyDuplicate,
                    format!("方案 id“{id}”已经加载过"),
                    format!("policy id \"{id}\" is already loaded"),
                )
                .file(file)
                .field("meta.id"),
            );
        }
        if let Some(l) = &p.meta.layer {
            errs.extend(self.layer_missing(file, &l.id));
            if !matches!(l.fiscal_region.as_str(), "central_western" | "eastern") {
                errs.push(
                    Error::new(
                        ErrorKind::PolicySyntax,
                        "fiscal_region 应为 central_western 或 eastern",
                        "fiscal_region must be central_western or eastern",
                    )
                    .file(file)
                    .field("meta.layer.fiscal_region"),
                );
            }
        }
        if p.meta.kind == FileKind::Framework {
            for cl in p.premium.iter().flat_map(|pr| pr.classes.iter()) {
                if let Some(t) = &cl.national_topup {
                    let found = p
                        .meta
                        .layer
                        .as_ref()
                        .and_then(|l| self.layer(&l.id))
                        .is_some_and(|l| l.topups.iter().any(|x| &x.id == t));
                    if !found {
                        errs.push(
                            Error::new(
                                ErrorKind::PolicyUnknownFramework,
                                format!("national_topup“{t}”在国家层中不存在"),
                                format!("national_topup \"{t}\" not found in the layer"),
                            )
                            .file(file)
                            .field(format!("premium.classes[{}].national_topup", cl.id)),
                        );
                    }
                }
            }
        }
        if !errs.is_empty() {
            return Err(errs);
        }
        let kind = p.meta.kind;
        let out = LoadedPolicy {
            id: id.clone(),
            kind: kind_id(kind).into(),
            scheme: id,
            regions: p.regions.iter().map(|r| r.id.clone()).collect(),
        };
        let staged = if kind == FileKind::Layer {
            Staged::Layer(Box::new((file.to_string(), p)))
        } else {
            Staged::Framework(Box::new(Scheme {
                file: file.to_string(),
                form: Form::of(&p),
                policy: p,
                raw: Some(raw),
                cities: Vec::new(),
                annual: Vec::new(),
                pack: None,
            }))
        };
        Ok((out, staged))
    }

    /// A city file, merged over its framework and checked against it.
    #[cfg(feature = "loader")]
    fn stage_city(&self, file: &str, city: CityFile) -> Result<(LoadedPolicy, Staged), Vec<Error>> {
        let Some(fw_id) = city.meta.framework.clone() else {
            return Err(vec![Error::new(
                ErrorKind::PolicySyntax,
                "城市文件必须写明 meta.framework",
                "a city file must name meta.framework",
            )
            .file(file)
            .field("meta.framework")]);
        };
        let Some(si) = self.schemes.iter().position(|s| s.policy.meta.id == fw_id) else {
            let known: Vec<&str> = self
                .schemes
                .iter()
                .map(|s| s.policy.meta.id.as_str())
                .collect();
            return Err(vec![Error::new(
                ErrorKind::PolicyUnknownFramework,
                format!("未知的框架“{fw_id}”；已加载：{}", known.join(", ")),
                format!(
                    "unknown framework \"{fw_id}\"; loaded: {}",
                    known.join(", ")
                ),
            )
            .file(file)
            .field("meta.framework")]);
        };
        let scheme = &self.schemes[si];
        let meta_errs = check_city_meta(file, &city.meta, &scheme.policy.meta);
        if !meta_errs.is_empty() {
            return Err(meta_errs);
        }
        let Some(raw) = &scheme.raw else {
            return Err(vec![Error::new(
                ErrorKind::PolicyUnknownFramework,
                format!("框架“{fw_id}”来自政策包，不能再接受城市文件"),
                format!("framework \"{fw_id}\" came from a policy pack and cannot take city files"),
            )
            .file(file)
            .field("meta.framework")]);
        };
        let mut merged = merge_city(raw, &city, file).map_err(|e| vec![e])?;
        // the city's own validity applies to its region
        merged.meta.effective_from = city.meta.effective_from.clone();
        merged.meta.effective_from_clause = city.meta.effective_from_clause.clone();
        merged.meta.effective_to = city.meta.effective_to.clone().or(merged.meta.effective_to);
        let mut errs = check_policy(file, &merged);
        errs.extend(check_city_against(
            file,
            &merged,
            &scheme.policy,
            &city.region.tier,
        ));
        errs.extend(check_complete(file, &merged, &[city.region.tier.as_str()]));
        let mut seen = Vec::new();
        errs.retain(|e| {
            let k = (e.field.clone(), e.message_zh.clone());
            let fresh = !seen.contains(&k);
            seen.push(k);
            fresh
        });
        let rid = &city.region.id;
        let clash = scheme.policy.regions.iter().any(|r| &r.id == rid)
            || scheme.cities.iter().any(|c| &c.region.id == rid);
        if clash {
            errs.push(
                Error::new(
                    ErrorKind::PolicyDuplicate,
                    format!("地区“{rid}”在方案“{fw_id}”中已经存在（同一地区不能由两个文件定义）"),
                    format!("region \"{rid}\" already exists in scheme \"{fw_id}\" (one file per region)"),
                )
                .file(file)
                .field("region.id"),
            );
        }
        if self
            .schemes
            .iter()
            .any(|s| s.cities.iter().any(|c| c.id == city.meta.id))
            || self
                .schemes
                .iter()
                .any(|s| s.policy.meta.id == city.meta.id)
        {
            errs.push(
                Error::new(
                    ErrorKind::PolicyDuplicate,
                    format!("文件 id“{}”已经加载过", city.meta.id),
                    format!("file id \"{}\" is already loaded", city.meta.id),
                )
                .file(file)
                .field("meta.id"),
            );
        }
        if let Some(pr) = &merged.premium {
            if !pr.standards.iter().any(|s| s.tier == city.region.tier) {
                errs.push(
                    Error::new(
                        ErrorKind::PolicyRelation,
                        format!("档次“{}”没有缴费标准", city.region.tier),
                        format!(
                            "tier \"{}\" has no contribution standards",
                            city.region.tier
                        ),
                    )
                    .file(file)
                    .field("region.tier")
                    .clause(format!("{} {}", merged.meta.doc, city.region.clause)),
                );
            }
        }
        if !errs.is_empty() {
            return Err(errs);
        }
        let out = LoadedPolicy {
            id: city.meta.id.clone(),
            kind: "city".into(),
            scheme: fw_id,
            regions: vec![rid.clone()],
        };
        let c = City {
            file: file.to_string(),
            id: city.meta.id.clone(),
            region: city.region.clone(),
            form: Form::of(&merged),
            policy: merged,
        };
        Ok((out, Staged::City(si, Box::new(c))))
    }

    /// Validates and adds an annual file (contributions by coverage year) to its scheme.
    #[cfg(feature = "loader")]
    fn stage_annual(&self, file: &str, p: Policy) -> Result<(LoadedPolicy, Staged), Vec<Error>> {
        use crate::policy::periods::{check_annual_against, check_annual_overlap};
        use crate::policy::validate::check_year_premiums;
        let mut errs = check_policy(file, &p);
        let fw_id = p.meta.framework.clone().unwrap_or_default();
        let Some(si) = self.schemes.iter().position(|s| s.policy.meta.id == fw_id) else {
            errs.push(
                Error::new(
                    ErrorKind::PolicyUnknownFramework,
                    format!("年度文件的框架“{fw_id}”未加载"),
                    format!("the annual file's framework \"{fw_id}\" is not loaded"),
                )
                .file(file)
                .field("meta.framework"),
            );
            return Err(errs);
        };
        let scheme = &self.schemes[si];
        let mut regions: Vec<&str> = scheme
            .policy
            .regions
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        regions.extend(scheme.cities.iter().map(|c| c.region.id.as_str()));
        errs.extend(check_annual_against(file, &p, &scheme.policy, &regions));
        errs.extend(check_year_premiums(file, &p, &scheme.policy));
        errs.extend(
            scheme
                .annual
                .iter()
                .filter_map(|(_, old)| check_annual_overlap(file, &p, old)),
        );
        if let Some(l) = &p.meta.layer {
            errs.extend(self.layer_missing(file, &l.id));
        }
        let clash = self.schemes.iter().any(|s| {
            s.policy.meta.id == p.meta.id || s.annual.iter().any(|(_, a)| a.meta.id == p.meta.id)
        });
        if clash {
            errs.push(
                Error::new(
                    ErrorKind::PolicyDuplicate,
                    format!("文件 id“{}”已经加载过", p.meta.id),
                    format!("file id \"{}\" is already loaded", p.meta.id),
                )
                .file(file)
                .field("meta.id"),
            );
        }
        if !errs.is_empty() {
            return Err(errs);
        }
        let out = LoadedPolicy {
            id: p.meta.id.clone(),
            kind: "annual".into(),
            scheme: fw_id,
            regions: p.meta.regions.clone(),
        };
        Ok((out, Staged::Annual(si, Box::new((file.to_string(), p)))))
    }

    /// `meta.layer.id` naming a layer that is not loaded.
    #[cfg(feature = "loader")]
    fn layer_missing(&self, file: &str, id: &str) -> Option<Error> {
        self.layer(id).is_none().then(|| {
            Error::new(
                ErrorKind::PolicyUnknownFramework,
                format!("引用的国家层“{id}”未加载"),
                format!("layer \"{id}\" is not loaded"),
            )
            .file(file)
            .field("meta.layer.id")
        })
    }

    fn layer(&self, id: &str) -> Option<&Policy> {
        self.layers
            .iter()
            .find(|(_, p)| p.meta.id == id)
            .map(|(_, p)| p)
    }

    fn scheme(&self, id: &str) -> Result<&Scheme, Error> {
        self.schemes
            .iter()
            .find(|s| s.policy.meta.id == id)
            .ok_or_else(|| {
                let known: Vec<&str> = self
                    .schemes
                    .iter()
                    .map(|s| s.policy.meta.id.as_str())
                    .collect();
                Error::unknown("方案", "scheme", "person.scheme", id, &known)
            })
    }

    /// Resolves and checks a person: known ids, statuses that apply to the category.
    pub(crate) fn who<'a>(&'a self, p: &'a PersonInput) -> Result<Who<'a>, Error> {
        let s = self.scheme(&p.scheme)?;
        let (policy, form, region) =
            if let Some(r) = s.policy.regions.iter().find(|r| r.id == p.region) {
                (&s.policy, &s.form, r)
            } else if let Some(c) = s.cities.iter().find(|c| c.region.id == p.region) {
                (&c.policy, &c.form, &c.region)
            } else {
                let mut known: Vec<&str> = s.policy.regions.iter().map(|r| r.id.as_str()).collect();
                known.extend(s.cities.iter().map(|c| c.region.id.as_str()));
                return Err(Error::unknown(
                    "地区",
                    "region",
                    "person.region",
                    &p.region,
                    &known,
                ));
            };
        let cat = policy
            .categories
            .iter()
            .position(|c| c.id == p.category)
            .ok_or_else(|| {
                let known: Vec<&str> = policy.categories.iter().map(|c| c.id.as_str()).collect();
                Error::unknown(
                    "人员类别",
                    "category",
                    "person.category",
                    &p.category,
                    &known,
                )
            })?;
        let category = &policy.categories[cat];
        if p.statuses.len() > MAX_STATUSES {
            return Err(Error::new(
                ErrorKind::InvalidInput,
                format!("身份状态最多 {MAX_STATUSES} 项"),
                format!("at most {MAX_STATUSES} statuses"),
            )
            .field("person.statuses"));
        }
        let mut statuses: Vec<&Status> = Vec::new();
        for (i, sid) in p.statuses.iter().enumerate() {
            let st = policy
                .statuses
                .iter()
                .find(|x| &x.id == sid)
                .ok_or_else(|| {
                    let known: Vec<&str> = policy.statuses.iter().map(|c| c.id.as_str()).collect();
                    Error::unknown(
                        "身份状态",
                        "status",
                        &format!("person.statuses[{i}]"),
                        sid,
                        &known,
                    )
                })?;
            if !matches(&st.categories, &category.id) {
                return Err(Error::new(
                    ErrorKind::StatusNotApplicable,
                    format!("“{}”不适用于“{}”", st.name_zh, category.name_zh),
                    format!(
                        "\"{}\" does not apply to \"{}\"",
                        st.name_en, category.name_en
                    ),
                )
                .field(format!("person.statuses[{i}]"))
                .clause(format!(
                    "{} {}",
                    policy.meta.doc,
                    st.clause.clone().unwrap_or_default()
                )));
            }
            if !statuses.iter().any(|x| x.id == st.id) {
                statuses.push(st);
            }
        }
        let layer = policy.meta.layer.as_ref().and_then(|l| self.layer(&l.id));
        Ok(Who {
            policy,
            form,
            region,
            layer,
            category,
            cat,
            statuses,
        })
    }

    /// The schemes, regions, categories, statuses, hospital levels and claim kinds, labelled.
    pub fn catalogue(&self) -> Catalogue {
        let schemes = self
            .schemes
            .iter()
            .map(|s| {
                let p = &s.policy;
                let mut regions: Vec<RegionOut> = p
                    .regions
                    .iter()
                    .map(|r| RegionOut {
                        id: r.id.clone(),
                        name_zh: r.name_zh.clone(),
                        name_en: r.name_en.clone(),
                        tier: r.tier.clone(),
                        source: "framework".into(),
                        file: s.file.clone(),
                    })
                    .collect();
                regions.extend(s.cities.iter().map(|c| RegionOut {
                    id: c.region.id.clone(),
                    name_zh: c.region.name_zh.clone(),
                    name_en: c.region.name_en.clone(),
                    tier: c.region.tier.clone(),
                    source: "city".into(),
                    file: c.file.clone(),
                }));
                let named = |l: &Label| Named {
                    id: l.id.clone(),
                    name_zh: l.name_zh.clone(),
                    name_en: l.name_en.clone(),
                };
                let mut claim_kinds = p
                    .benefits
                    .as_ref()
                    .map(|b| {
                        claim_rules(b)
                            .into_iter()
                            .map(|(id, r)| ClaimKindOut {
                                id: id.into(),
                                name_zh: r.name_zh.clone(),
                                name_en: r.name_en.clone(),
                                categories: r.categories.clone(),
                                levels: r.levels.clone(),
                                diseases: r.diseases.iter().map(named).collect(),
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                crate::claim::add_not_set(&mut claim_kinds, p);
                SchemeOut {
                    id: p.meta.id.clone(),
                    name_zh: p.meta.name_zh.clone(),
                    name_en: p.meta.name_en.clone(),
                    doc: p.meta.doc.clone(),
                    title_zh: p.meta.title_zh.clone(),
                    issuer_zh: p.meta.issuer_zh.clone(),
                    effective_from: p.meta.effective_from.clone(),
                    effective_to: p.meta.effective_to.clone(),
                    benefit_year: match p.meta.benefit_year.as_ref().map(|b| b.kind) {
                        Some(BenefitYearKind::Contribution) => "contribution".into(),
                        _ => "natural".into(),
                    },
                    regions,
                    categories: p.categories.iter().map(named).collect(),
                    statuses: p
                        .statuses
                        .iter()
                        .map(|x| StatusOut {
                            id: x.id.clone(),
                            kind: match x.kind {
                                StatusKind::Hardship => "hardship".into(),
                                StatusKind::Situation => "situation".into(),
                            },
                            name_zh: x.name_zh.clone(),
                            name_en: x.name_en.clone(),
                            categories: x.categories.clone(),
                        })
                        .collect(),
                    levels: p
                        .levels
                        .iter()
                        .map(|l| Named {
                            id: l.id.clone(),
                            name_zh: l.name_zh.clone(),
                            name_en: l.name_en.clone(),
                        })
                        .collect(),
                    claim_kinds,
                    benefits_absent_zh: p.benefits_absent.as_ref().map(|b| b.zh.clone()),
                    benefits_absent_en: p.benefits_absent.as_ref().map(|b| b.en.clone()),
                    notices: p
                        .notices
                        .iter()
                        .map(|n| explain::notice(n, &p.meta.doc))
                        .collect(),
                    years: timeline::known_years(p, s.annual.iter().map(|(_, a)| a)),
                }
            })
            .collect();
        Catalogue { schemes }
    }

    /// Whether this person may enrol, with every rule that applies to them.
    pub fn eligibility(&self, p: &PersonInput) -> Result<EligibilityResult, Error> {
        let who = self.who(p)?;
        Ok(eligibility_of(&who))
    }

    /// What the resident pays for a coverage year (医保年度), from the figures in force for it:
    /// an annual notice's row, or the framework's own figures for the years its document gives
    /// them. A year no source covers is `year_not_sourced`, never an older year's figures.
    pub fn premium(&self, r: &PremiumRequest) -> Result<PremiumResult, Error> {
        let who = self.who(&r.person)?;
        let s = self.scheme(&r.person.scheme)?;
        let annual = || timeline::applicable(&s.annual, &who.region.id);
        let date = r
            .date
            .as_deref()
            .map(|d| Date::parse("date", d))
            .transpose()?;
        let first = Date::parse("meta.effective_from", &who.policy.meta.effective_from)?;
        let year = match (r.year, date) {
            (Some(y), _) => y,
            (None, Some(d)) => timeline::coverage_year_of(d, annual()),
            // the document's own years, else the newest year an annual notice gives figures for
            (None, None) => timeline::framework_span(who.policy)
                .map(|s| s.0)
                .or_else(|| newest_sourced(annual()))
                .unwrap_or(0),
        };
        if !(1990..=2100).contains(&year) {
            return Err(Error::new(
                ErrorKind::InvalidInput,
                format!("医保年度 {year} 不在 1990—2100 之间"),
                format!("coverage year {year} is not between 1990 and 2100"),
            )
            .field("year"));
        }
        let in_force = |d: Option<Date>| match d {
            Some(d) => crate::who::in_force(who.policy, d, "date", 0),
            None => match Date::new(i32::from(year), 1, 1) {
                Some(d) if year != first.year as u16 => {
                    crate::who::in_force(who.policy, d, "year", 0)
                }
                _ => crate::who::in_force(who.policy, first, "date", 0),
            },
        };
        let block = match timeline::resolve(who.policy, annual(), |id| self.layer(id), year) {
            Ok(b) => b,
            // a year outside the document's validity is that, before it is unsourced, unless
            // annual files carry the scheme on (they have rows from an earlier year): then it is
            // a year no source covers
            Err(e) if annual().flat_map(|a| &a.years).any(|y| y.year <= year) => return Err(e),
            Err(e) => return Err(in_force(date).err().unwrap_or(e)),
        };
        if block.row.is_none() {
            in_force(date)?;
        }
        let elig = eligible_in_year(&who, &block)?;
        let known = timeline::known_years(who.policy, annual());
        let mut out = crate::premium::premium(&who, &block, known, elig)?;
        if r.person.statuses.is_empty() {
            out.hardship_classes = self.hardship_table(&who, &block);
        }
        Ok(out)
    }

    /// What a resident of each hardship class of the person's category pays in the same year:
    /// the person with one status that qualifies for the class, through the premium's arithmetic
    /// alone (the same three picks as a full premium, without its explanation).
    fn hardship_table(&self, who: &Who, b: &timeline::YearBlock) -> Vec<HardshipClassOut> {
        let cat = who.category.id.as_str();
        let status = |id: &str| {
            who.policy
                .statuses
                .iter()
                .find(|s| s.id == id && matches(&s.categories, cat))
        };
        let mut out = Vec::new();
        for c in b
            .premium
            .classes
            .iter()
            .filter(|c| matches(&c.categories, cat))
        {
            let Some(st) = c.statuses_any.iter().find_map(|s| status(s)) else {
                continue;
            };
            let one = Who {
                statuses: vec![st],
                ..*who
            };
            if require_eligible(&one).is_err() {
                continue;
            }
            let Ok((individual, range)) = crate::premium::individual_only(&one, b) else {
                continue;
            };
            out.push(HardshipClassOut {
                id: c.id.clone(),
                name_zh: c.name_zh.clone(),
                name_en: c.name_en.clone(),
                statuses: c.statuses_any.clone(),
                individual,
                range,
            });
        }
        out
    }

    pub fn claim(&self, r: &ClaimRequest) -> Result<ClaimResult, Error> {
        explanation_built(r.explain)?;
        let who = self.who(&r.person)?;
        check_eligible(&who)?;
        let claims = std::slice::from_ref(&r.claim);
        let pay = self.payment(
            &who,
            &r.person.scheme,
            &r.paid_on,
            r.renewed_without_break,
            &r.enrolment,
            claims,
        )?;
        let (mut out, basics) =
            crate::claim::year(&who, pay, claims, r.explain).map_err(Error::as_single_claim)?;
        let rules = self.layer_rules(&r.person, &who);
        crate::layers::apply_claims(&rules, who.policy, &mut out, &basics, r.explain);
        let mut c = out.claims.remove(0);
        c.notices.extend(out.notices);
        c.notices.extend(stale_benefits(who.policy, claims));
        Ok(c)
    }

    pub fn year(&self, r: &YearRequest) -> Result<YearResult, Error> {
        explanation_built(r.explain)?;
        let who = self.who(&r.person)?;
        check_eligible(&who)?;
        let pay = self.payment(
            &who,
            &r.person.scheme,
            &r.paid_on,
            r.renewed_without_break,
            &r.enrolment,
            &r.claims,
        )?;
        let (mut out, basics) = crate::claim::year(&who, pay, &r.claims, r.explain)?;
        let rules = self.layer_rules(&r.person, &who);
        crate::layers::apply_claims(&rules, who.policy, &mut out, &basics, r.explain);
        out.notices.extend(stale_benefits(who.policy, &r.claims));
        Ok(out)
    }

    /// One claim's figures only: the assumed values of [`Engine::claim`] settled once, with no
    /// ranges, steps or notices (`explain` is ignored). The figures equal `claim`'s; the errors
    /// are the same. `assumed` says a local figure entered, so `claim` would give a range.
    pub fn claim_figures(&self, r: &ClaimRequest) -> Result<ClaimFigures, Error> {
        let who = self.who(&r.person)?;
        check_eligible(&who)?;
        let claims = std::slice::from_ref(&r.claim);
        let pay = self.payment(
            &who,
            &r.person.scheme,
            &r.paid_on,
            r.renewed_without_break,
            &r.enrolment,
            claims,
        )?;
        let (mut f, basic) = crate::claim::claim_figures(&who, pay, &r.claim)?;
        let rules = self.layer_rules(&r.person, &who);
        crate::layers::apply_figures(&rules, &[basic], std::slice::from_mut(&mut f));
        Ok(f)
    }

    /// A year's figures only: [`Engine::year`]'s assumed figures and totals from one run.
    pub fn year_figures(&self, r: &YearRequest) -> Result<YearFigures, Error> {
        let who = self.who(&r.person)?;
        check_eligible(&who)?;
        let pay = self.payment(
            &who,
            &r.person.scheme,
            &r.paid_on,
            r.renewed_without_break,
            &r.enrolment,
            &r.claims,
        )?;
        let (mut y, basics) = crate::claim::year_figures(&who, pay, &r.claims)?;
        let rules = self.layer_rules(&r.person, &who);
        let (h, a) = crate::layers::apply_figures(&rules, &basics, &mut y.claims);
        if !rules.is_empty() {
            crate::layers::totals_with(&mut y.totals, h, a);
            y.assumed |= y.claims.iter().any(|c| c.assumed);
        }
        Ok(y)
    }

    /// One bill's shape settled at many sizes (for charts): assumed values, no explanation.
    pub fn curve(&self, r: &CurveRequest) -> Result<CurveResult, Error> {
        let who = self.who(&r.person)?;
        require_eligible(&who)?;
        let claims = std::slice::from_ref(&r.claim);
        let pay = self.payment(
            &who,
            &r.person.scheme,
            &r.paid_on,
            None,
            &r.enrolment,
            claims,
        )?;
        let (mut c, bill) = crate::claim::curve(&who, pay, r)?;
        let rules = self.layer_rules(&r.person, &who);
        crate::layers::apply_curve(&rules, bill, &mut c.points);
        c.hifmi_from = hifmi_from(&who, pay, r, &rules, &c.points)?;
        Ok(c)
    }

    /// When benefits start for a resident who enrols late or after a break, and the 大病保险
    /// maximum after the continuity incentives (国办发〔2024〕38号 and the scheme's annual files).
    pub fn enrolment(&self, r: &EnrolmentRequest) -> Result<EnrolmentResult, Error> {
        let who = self.who(&r.person)?;
        check_eligible(&who)?;
        let s = self.scheme(&r.person.scheme)?;
        let statuses: Vec<&str> = who.statuses.iter().map(|s| s.id.as_str()).collect();
        crate::continuity::enrolment(
            who.policy,
            timeline::applicable(&s.annual, &who.region.id),
            &statuses,
            r,
        )
    }

    /// The annual files of the person's scheme for their region (the season's views read the
    /// dated rules in them).
    pub(crate) fn annual_for<'a>(&'a self, p: &PersonInput, who: &Who<'a>) -> Vec<&'a Policy> {
        self.scheme(&p.scheme)
            .map(|s| timeline::applicable(&s.annual, &who.region.id).collect())
            .unwrap_or_default()
    }

    /// What a claim request says of the contribution, with the date benefits start under the
    /// annual waiting rule for the payment — [`crate::continuity::decide`], the decision
    /// `enrolment` answers with. The coverage year is the one `paid_on` pays for, else the
    /// year of the earliest claim.
    fn payment<'a>(
        &'a self,
        who: &Who<'a>,
        scheme: &str,
        paid_on: &'a Option<String>,
        renewed: Option<bool>,
        e: &Option<EnrolmentIn>,
        claims: &[ClaimInput],
    ) -> Result<crate::claim::Payment<'a>, Error> {
        let paid_s = paid_on.as_deref().filter(|s| !s.trim().is_empty());
        let mut pay = crate::claim::Payment {
            paid_on: paid_s,
            renewed,
            ..Default::default()
        };
        let within = |e: Error| e.within("enrolment");
        let def = EnrolmentIn::default();
        let e = e.as_ref().unwrap_or(&def);
        crate::continuity::check_counts(0, e.years_missed, e.extra_years_paid).map_err(within)?;
        let Ok(scheme) = self.scheme(scheme) else {
            return Ok(pay);
        };
        let annual = timeline::applicable(&scheme.annual, &who.region.id);
        let paid = paid_s.map(|s| Date::parse("paid_on", s)).transpose()?;
        let first = claims
            .iter()
            .filter_map(|c| Date::parse("date", &c.date).ok())
            .min();
        let year = match (paid, first) {
            (Some(p), _) => timeline::coverage_year_of(p, annual.clone()),
            (None, Some(d)) => u16::try_from(d.year).unwrap_or(0),
            (None, None) => return Ok(pay),
        };
        let h = crate::continuity::History {
            year,
            paid_on: paid,
            in_window: e.paid_in_window,
            missed: e.years_missed,
            extra_paid: e.extra_years_paid,
            exempt: e.exempt.as_deref().filter(|s| !s.is_empty()),
        };
        let Some((file, rule)) = crate::continuity::rule_for(annual.clone(), &h) else {
            let said = e.paid_in_window == Some(false) || e.years_missed > 0 || h.exempt.is_some();
            pay.unruled = said.then_some(year);
            return Ok(pay);
        };
        let statuses: Vec<&str> = who.statuses.iter().map(|s| s.id.as_str()).collect();
        pay.start = Some(
            crate::continuity::decide(file, rule, annual, &h, &statuses).map_err(|e| {
                if e.field.as_deref() == Some("exempt") {
                    within(e)
                } else {
                    e
                }
            })?,
        );
        Ok(pay)
    }

    /// The layers after the basic fund that may apply to a person: the dated 大病保险 and
    /// 医疗救助 rules of the scheme's annual files for their region.
    fn layer_rules<'a>(&'a self, p: &PersonInput, who: &Who<'a>) -> crate::layers::Rules<'a> {
        let files = self
            .scheme(&p.scheme)
            .ok()
            .map(|s| timeline::applicable(&s.annual, &who.region.id));
        crate::layers::Rules::from_files(
            files.into_iter().flatten(),
            who.statuses.iter().map(|s| s.id.as_str()).collect(),
        )
    }

    /// The same bill settled at every hospital level of the scheme.
    pub fn compare(&self, r: &CompareRequest) -> Result<CompareResult, Error> {
        let who = self.who(&r.person)?;
        require_eligible(&who)?;
        let mut rows = Vec::new();
        for l in &who.policy.levels {
            let mut req = r.clone();
            req.claim.level = l.id.clone();
            let (result, error) = match self.claim(&req) {
                Ok(c) => (Some(c), None),
                // a level the scheme does not pay at, or on which its document sets nothing
                Err(e)
                    if matches!(e.kind, ErrorKind::ClaimNotCovered)
                        || matches!(e.kind, ErrorKind::BenefitsNotDefined)
                            && who.policy.benefits.is_some() =>
                {
                    (None, Some(ErrorOut::from(&e)))
                }
                Err(e) => return Err(e),
            };
            rows.push(CompareRow {
                level: l.id.clone(),
                name_zh: l.name_zh.clone(),
                name_en: l.name_en.clone(),
                result,
                error,
            });
        }
        Ok(CompareResult { rows })
    }

    /// All loaded policy files' names, for `check` and lints.
    pub fn files(&self) -> Vec<String> {
        let mut v: Vec<String> = self.layers.iter().map(|l| l.0.clone()).collect();
        for s in &self.schemes {
            v.push(s.file.clone());
            v.extend(s.cities.iter().map(|c| c.file.clone()));
            v.extend(s.annual.iter().map(|a| a.0.clone()));
        }
        v
    }
}

/// An explained claim or year asked of a build without the explanation's wording (the widget's
/// figures module, built without the `explain` feature): an error, never an answer without its
/// steps that reads like a whole one.
fn explanation_built(explain: bool) -> Result<(), Error> {
    if explain && !cfg!(feature = "explain") {
        return Err(Error::new(
            ErrorKind::InvalidInput,
            "此模块只计算数字，不含计算过程的说明：请设 explain: false，或使用含说明的模块（pkg/yibao.js）",
            "this module computes figures only, without the explanation's wording: set explain: false, or use the module with explanations (pkg/yibao.js)",
        )
        .field("explain"));
    }
    Ok(())
}

/// The newest coverage year an annual file gives figures for (a notice or derived row).
fn newest_sourced<'a>(annual: impl Iterator<Item = &'a Policy>) -> Option<u16> {
    annual
        .flat_map(|a| a.years.iter())
        .filter(|r| {
            matches!(
                r.status,
                YearStatus::Notice | YearStatus::Derived | YearStatus::Partial
            )
        })
        .map(|r| r.year)
        .max()
}

/// A banner when a claim is dated after the year the benefit figures rest on.
fn stale_benefits(p: &Policy, claims: &[ClaimInput]) -> Option<NoticeOut> {
    let a = p.benefits_as_of.as_ref()?;
    let latest = claims
        .iter()
        .filter_map(|c| c.date.get(..4)?.parse::<u16>().ok())
        .max()?;
    (latest > a.year).then(|| {
        let (zh, en) = match (&a.rests_on_zh, &a.rests_on_en) {
            (Some(z), Some(e)) => (
                format!("待遇数额是{z}，本方案只到 {} 年有此依据，而所问为 {latest} 年：{}", a.year, a.zh),
                format!("The benefit figures are {e}, which this scheme rests on up to {}, and the claim is in {latest}: {}", a.year, a.en),
            ),
            _ => (
                format!("待遇数额依据的是 {} 年的资料，而所问为 {latest} 年：{}", a.year, a.zh),
                format!("The benefit figures rest on sources of {}, and the claim is in {latest}: {}", a.year, a.en),
            ),
        };
        explain::note("stale", zh, en, &p.meta.doc, &a.clause)
    })
}

/// Whether an eligibility rule applies to the person.
fn applies(who: &Who, r: &EligibilityRule) -> bool {
    matches(&r.categories, &who.category.id)
        && r.all.iter().all(|s| who.has(s))
        && !r.none.iter().any(|s| who.has(s))
}

pub(crate) fn eligibility_of(who: &Who) -> EligibilityResult {
    let mut verdicts = Vec::new();
    for r in &who.policy.eligibility {
        if applies(who, r) {
            verdicts.push(crate::api::Verdict {
                verdict: match r.verdict {
                    crate::policy::model::Verdict::Excluded => "excluded".into(),
                    crate::policy::model::Verdict::Warning => "warning".into(),
                },
                reason_zh: r.reason_zh.clone(),
                reason_en: r.reason_en.clone(),
                send_to_zh: r.send_to_zh.clone(),
                send_to_en: r.send_to_en.clone(),
                doc: who.doc().to_string(),
                clause: r.clause.clone(),
            });
        }
    }
    let eligible = !verdicts.iter().any(|v| v.verdict == "excluded");
    EligibilityResult { eligible, verdicts }
}

/// [`require_eligible`] without building the verdicts: the first rule that excludes the person
/// is the error, as there.
fn check_eligible(who: &Who) -> Result<(), Error> {
    let excluded =
        who.policy.eligibility.iter().any(|r| {
            matches!(r.verdict, crate::policy::model::Verdict::Excluded) && applies(who, r)
        });
    if excluded {
        require_eligible(who).map(|_| ())
    } else {
        Ok(())
    }
}

/// Where 大病保险 starts to pay on the curve: between the last point where it pays nothing and
/// the first where it pays, the smallest whole-yuan bill, by bisection (each step one bill through
/// the basic fund and the layers). `None` when it pays at no point asked for.
fn hifmi_from<'a>(
    who: &'a Who,
    pay: crate::claim::Payment<'a>,
    r: &CurveRequest,
    rules: &crate::layers::Rules,
    points: &[CurvePoint],
) -> Result<Option<String>, Error> {
    let pays = |p: &CurvePoint| Money::parse("hifmi_pay", &p.hifmi_pay).is_ok_and(|m| !m.is_zero());
    let Some(i) = points.iter().position(pays) else {
        return Ok(None);
    };
    let total = |p: &CurvePoint| Money::parse("totals", &p.medfee_sumamt).map(|m| m.decimal());
    // the request once, without its totals; each step asks one bill
    let mut one = CurveRequest {
        person: r.person.clone(),
        paid_on: r.paid_on.clone(),
        enrolment: r.enrolment.clone(),
        claim: r.claim.clone(),
        totals: Vec::new(),
    };
    let mut paid_at = |t: Decimal| -> Result<bool, Error> {
        one.totals = vec![t.to_string()];
        let (mut c, bill) = crate::claim::curve(who, pay, &one)?;
        crate::layers::apply_curve(rules, bill, &mut c.points);
        Ok(c.points.first().is_some_and(pays))
    };
    let mut hi = total(&points[i])?.ceil();
    let mut lo = match i {
        0 => Decimal::ZERO,
        _ => total(&points[i - 1])?.floor(),
    };
    while hi - lo > Decimal::ONE {
        let mid = ((lo + hi) / Decimal::TWO).floor();
        if paid_at(mid)? {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Ok(Some(Money::from_decimal(hi).plain()))
}

/// Whether a framework rule excludes a whole category (no status conditions).
fn excludes_category(who: &Who, r: &EligibilityRule) -> bool {
    matches!(r.verdict, crate::policy::model::Verdict::Excluded)
        && !r.categories.is_empty()
        && r.all.is_empty()
        && r.none.is_empty()
        && applies(who, r)
}

/// Eligibility for one coverage year's premium. A later annual row that names the person's
/// category (gives a standard for it) takes precedence over the framework's rule excluding that
/// category, for that year only: the exclusion becomes a warning naming both sources (南通 2026
/// sets 大中专学生's contribution, S1; the 2007 provincial document leaves university students
/// to their own pooling). Every other rule applies as written.
fn eligible_in_year(who: &Who, b: &timeline::YearBlock) -> Result<EligibilityResult, Error> {
    let named = b.row.is_some()
        && b.premium
            .standards
            .iter()
            .any(|s| s.category == who.category.id && s.tier == who.region.tier);
    let lifted: Vec<&EligibilityRule> = who
        .policy
        .eligibility
        .iter()
        .filter(|r| named && excludes_category(who, r))
        .collect();
    if lifted.is_empty() {
        return require_eligible(who);
    }
    let mut e = eligibility_of(who);
    for v in e.verdicts.iter_mut().filter(|v| v.verdict == "excluded") {
        if !lifted
            .iter()
            .any(|r| r.clause == v.clause && r.reason_zh == v.reason_zh)
        {
            continue;
        }
        v.verdict = "warning".into();
        v.reason_zh = format!(
            "{}但 {} 医保年度的{}列出了这一人群的缴费标准，本年度按该通知计算。",
            v.reason_zh, b.year, b.file.meta.doc
        );
        v.reason_en = format!(
            "{} But the coverage year {} notice ({}) sets this group's contribution, so this year follows it.",
            v.reason_en, b.year, b.file.meta.doc
        );
        v.send_to_zh = format!(
            "{} 医保年度按该通知参加本方案（其他年度：{}）",
            b.year, v.send_to_zh
        );
        v.send_to_en = format!(
            "this scheme in {}, as the notice sets (other years: {})",
            b.year, v.send_to_en
        );
    }
    e.eligible = !e.verdicts.iter().any(|v| v.verdict == "excluded");
    refuse_excluded(who, e)
}

fn require_eligible(who: &Who) -> Result<EligibilityResult, Error> {
    refuse_excluded(who, eligibility_of(who))
}

/// The eligibility answer, or `not_eligible` with the first verdict that excludes the person.
fn refuse_excluded(who: &Who, e: EligibilityResult) -> Result<EligibilityResult, Error> {
    if let Some(v) = e.verdicts.iter().find(|v| v.verdict == "excluded") {
        let mut err = Error::new(
            ErrorKind::NotEligible,
            format!(
                "不能参加{}：{}应参加：{}",
                who.policy.meta.name_zh, v.reason_zh, v.send_to_zh
            ),
            format!(
                "may not enrol in {}: {} Belongs to: {}",
                who.policy.meta.name_en, v.reason_en, v.send_to_en
            ),
        )
        .clause(format!("{} {}", v.doc, v.clause))
        .field("person");
        err.send_to_zh = Some(v.send_to_zh.clone());
        err.send_to_en = Some(v.send_to_en.clone());
        return Err(err);
    }
    Ok(e)
}

#[cfg(all(test, feature = "loader"))]
mod layer_ranges;
