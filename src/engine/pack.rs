//! Policy packs: one scheme's validated policies — its framework, cities and annual files, and the
//! national layers they name — in the binary form of [`crate::policy::snapshot`], so the browser
//! can start from a few KB of the scheme it needs instead of a TOML parser and every scheme.
//!
//! A pack is written natively ([`Engine::pack`]) from policies that passed every check: by
//! `./build.sh` for each built-in scheme, by `yibao pack FILE...` for a portal's files, by the
//! editor's export. It is read by [`Engine::add_pack`], which trusts its contents to have passed
//! validation when written and checks only that they are intact: a pack that is not one, is
//! damaged, is not the one the caller asked for, or was written for another format or a newer
//! engine is an error, never a panic, a partial engine or a wrong figure.
//!
//! Layout (the format, [`FORMAT`], is the reader's contract; the trailer stays in every format):
//!
//! ```text
//! "YBPK"          4 bytes
//! format          LEB128 (FORMAT)
//! engine          string: the version of the engine that wrote it, the oldest that reads it
//! scheme          string: the scheme's id
//! layers          list of (file name, policy): the national layers the scheme names
//! body            the scheme: framework file and policy, cities, annual files
//! checksum        8 bytes, little-endian: FNV-1a 64 of everything before it
//! ```
//!
//! A pack's content hash is its checksum; its file name is `<scheme>.<first 12 hex digits>.pack`
//! ([`pack_name`]), so a changed pack is a new name and a cached one never goes stale.

use super::{City, Engine, Scheme};
use crate::api::PackInfo;
use crate::error::{Error, ErrorKind};
use crate::form::Form;
use crate::policy::model::Policy;
use crate::policy::snapshot::{Bin, Reader};

/// The first bytes of a pack.
pub const PACK_MAGIC: &[u8; 4] = b"YBPK";
/// The pack format this engine writes and reads.
pub const FORMAT: u16 = 1;
/// Hex digits of the checksum in a pack's file name.
pub const NAME_HASH_LEN: usize = 12;

impl Bin for City {
    fn put(&self, out: &mut Vec<u8>) {
        self.file.put(out);
        self.id.put(out);
        self.region.put(out);
        self.policy.put(out);
    }
    fn get(r: &mut Reader) -> Self {
        let (file, id, region) = (Bin::get(r), Bin::get(r), Bin::get(r));
        let policy: Policy = Bin::get(r);
        City {
            file,
            id,
            region,
            form: Form::of(&policy),
            policy,
        }
    }
}

impl Bin for Scheme {
    fn put(&self, out: &mut Vec<u8>) {
        self.file.put(out);
        self.policy.put(out);
        self.cities.put(out);
        self.annual.put(out);
    }
    fn get(r: &mut Reader) -> Self {
        let file = Bin::get(r);
        let policy: Policy = Bin::get(r);
        Scheme {
            file,
            form: Form::of(&policy),
            policy,
            #[cfg(feature = "loader")]
            raw: None,
            cities: Bin::get(r),
            annual: Bin::get(r),
            pack: None,
        }
    }
}

/// FNV-1a, 64 bits: the pack's checksum and content hash (not a defence against forgery: packs
/// come from the portal's own server; it catches damage and a stale or wrong file).
pub fn checksum(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn hex(h: u64) -> String {
    let mut s = String::with_capacity(16);
    for i in (0..16).rev() {
        let d = ((h >> (i * 4)) & 0xf) as u8;
        s.push(char::from(if d < 10 { b'0' + d } else { b'a' + d - 10 }));
    }
    s
}

/// The file name a pack is published under: `<scheme>.<hash>.pack`.
pub fn pack_name(scheme: &str, bytes: &[u8]) -> String {
    let h = hex(bytes
        .len()
        .checked_sub(8)
        .map_or(0, |n| checksum(&bytes[..n])));
    format!("{scheme}.{}.pack", &h[..NAME_HASH_LEN])
}

/// `a` > `b` as dotted version numbers (`0.10.0` > `0.9.3`); parts that are not numbers count 0.
fn newer(a: &str, b: &str) -> bool {
    let parts = |s: &str| -> Vec<u64> { s.split('.').map(|p| p.parse().unwrap_or(0)).collect() };
    parts(a) > parts(b)
}

fn invalid(zh: String, en: String) -> Error {
    Error::new(ErrorKind::PackInvalid, zh, en).field("pack")
}

impl Engine {
    /// The pack of scheme `id`: its framework, cities and annual files and the layers they name,
    /// as loaded (so validated). Written by `./build.sh`, `yibao pack` and the editor's export.
    pub fn pack(&self, id: &str) -> Result<Vec<u8>, Error> {
        let s = self.scheme(id)?;
        let mut names: Vec<&str> = s.policy.meta.layer.iter().map(|l| l.id.as_str()).collect();
        for (_, a) in &s.annual {
            if let Some(l) = &a.meta.layer {
                if !names.contains(&l.id.as_str()) {
                    names.push(&l.id);
                }
            }
        }
        let layers: Vec<(String, Policy)> = self
            .layers
            .iter()
            .filter(|(_, p)| names.contains(&p.meta.id.as_str()))
            .cloned()
            .collect();
        let mut out = PACK_MAGIC.to_vec();
        FORMAT.put(&mut out);
        env!("CARGO_PKG_VERSION").to_string().put(&mut out);
        s.policy.meta.id.put(&mut out);
        layers.put(&mut out);
        s.put(&mut out);
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        Ok(out)
    }

    /// Adds the scheme in `bytes` (a pack from [`Engine::pack`]). `expect`: the content hash the
    /// caller's catalogue names (the hex digits of the pack's file name), checked when given.
    /// Nothing is added unless the whole pack reads; adding the same pack again changes nothing.
    pub fn add_pack(&mut self, bytes: &[u8], expect: Option<&str>) -> Result<PackInfo, Error> {
        let not_a_pack = || {
            invalid(
                "这不是医保测算的政策包（.pack）文件".into(),
                "this is not a 医保测算 policy pack (.pack file)".into(),
            )
        };
        if bytes.len() < PACK_MAGIC.len() + 8 || &bytes[..PACK_MAGIC.len()] != PACK_MAGIC {
            return Err(not_a_pack());
        }
        let (body, tail) = bytes.split_at(bytes.len() - 8);
        let mut sum = [0u8; 8];
        sum.copy_from_slice(tail);
        let sum = u64::from_le_bytes(sum);
        if checksum(body) != sum {
            return Err(invalid(
                "政策包已损坏（校验和不符），请重新下载".into(),
                "the policy pack is damaged (its checksum does not match); download it again"
                    .into(),
            ));
        }
        let mut r = Reader::new(body);
        r.skip(PACK_MAGIC.len());
        let format: u16 = Bin::get(&mut r);
        let engine: String = Bin::get(&mut r);
        let ours = env!("CARGO_PKG_VERSION");
        if format != FORMAT || newer(&engine, ours) {
            let (zh, en) = if format > FORMAT || newer(&engine, ours) {
                (
                    format!("政策包需要更新版本的计算器（格式 {format}，引擎 {engine}；本计算器：格式 {FORMAT}，引擎 {ours}），请刷新页面或更新计算器"),
                    format!("the policy pack needs a newer calculator (format {format}, engine {engine}; this one: format {FORMAT}, engine {ours}); reload the page or update the calculator"),
                )
            } else {
                (
                    format!("政策包的格式 {format} 已过时（本计算器读取格式 {FORMAT}），请用 yibao pack 重新生成"),
                    format!("the policy pack's format {format} is outdated (this calculator reads format {FORMAT}); write it again with yibao pack"),
                )
            };
            return Err(Error::new(ErrorKind::PackVersion, zh, en).field("pack"));
        }
        let hash = hex(sum);
        if let Some(want) = expect {
            let want = want.to_ascii_lowercase();
            if want.is_empty() || !hash.starts_with(&want) {
                return Err(invalid(
                    format!("政策包不是所要的版本：应为 {want}，收到的是 {hash}（可能是旧的缓存），请重新下载"),
                    format!("the policy pack is not the one asked for: expected {want}, got {hash} (perhaps a stale cache); download it again"),
                ));
            }
        }
        let id: String = Bin::get(&mut r);
        // the layers one by one, each with the checksum of its bytes (to compare with a layer of
        // the same id already loaded, without writing either out)
        let n = r.list_len();
        let mut layers: Vec<((String, Policy), u64)> = Vec::with_capacity(n.min(8));
        for _ in 0..n {
            let start = r.pos();
            let l: (String, Policy) = Bin::get(&mut r);
            layers.push((l, checksum(body.get(start..r.pos()).unwrap_or_default())));
        }
        let mut scheme: Scheme = Bin::get(&mut r);
        if !r.finished() || scheme.policy.meta.id != id {
            return Err(invalid(
                "政策包内容不完整或已损坏，请重新下载".into(),
                "the policy pack's contents are incomplete or damaged; download it again".into(),
            ));
        }
        scheme.pack = Some(hash.clone());
        let info = PackInfo {
            scheme: id.clone(),
            hash,
            format,
            engine,
            regions: scheme
                .policy
                .regions
                .iter()
                .map(|r| r.id.clone())
                .chain(scheme.cities.iter().map(|c| c.region.id.clone()))
                .collect(),
        };
        self.stage_pack(scheme, layers, &info)?;
        Ok(info)
    }

    /// Adds a pack's scheme and layers once they are checked against what is loaded: the same
    /// pack again is a no-op; another pack of a loaded scheme, or a layer that differs from the
    /// one loaded under its id, is refused (answers would change under the other scheme).
    fn stage_pack(
        &mut self,
        scheme: Scheme,
        layers: Vec<((String, Policy), u64)>,
        info: &PackInfo,
    ) -> Result<(), Error> {
        if let Some(old) = self
            .schemes
            .iter()
            .find(|s| s.policy.meta.id == info.scheme)
        {
            if old.pack.as_deref() == Some(info.hash.as_str()) {
                return Ok(());
            }
            return Err(Error::new(
                ErrorKind::PolicyDuplicate,
                format!("方案“{}”已经由另一个政策包或文件加载", info.scheme),
                format!(
                    "scheme \"{}\" is already loaded from another pack or file",
                    info.scheme
                ),
            )
            .field("pack"));
        }
        let mut fresh = Vec::new();
        for ((file, l), sum) in layers {
            match self.layers.iter().find(|(_, x)| x.meta.id == l.meta.id) {
                Some(old) if self.same_layer(old, sum) => {}
                Some(_) => {
                    return Err(Error::new(
                        ErrorKind::PolicyDuplicate,
                        format!("政策包中的国家层“{}”与已加载的不同", l.meta.id),
                        format!(
                            "the pack's national layer \"{}\" differs from the one loaded",
                            l.meta.id
                        ),
                    )
                    .field("pack"))
                }
                None => fresh.push(((file, l), sum)),
            }
        }
        for ((file, l), sum) in fresh {
            self.layer_sums.push((l.meta.id.clone(), sum));
            self.layers.push((file, l));
        }
        self.schemes.push(scheme);
        Ok(())
    }

    /// Whether a loaded layer is the one a pack's bytes (with this checksum) hold: by the
    /// checksum of the pack it came from, or — a layer loaded from its policy file — written out.
    fn same_layer(&self, (file, layer): &(String, Policy), sum: u64) -> bool {
        let id = &layer.meta.id;
        if let Some((_, s)) = self.layer_sums.iter().find(|(i, _)| i == id) {
            return *s == sum;
        }
        #[cfg(feature = "loader")]
        {
            let mut v = Vec::new();
            file.put(&mut v);
            layer.put(&mut v);
            checksum(&v) == sum
        }
        #[cfg(not(feature = "loader"))]
        {
            let _ = file;
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_compare_by_number() {
        assert!(newer("0.10.0", "0.9.3"));
        assert!(newer("1.0", "0.99.99"));
        assert!(!newer("0.1.0", "0.1.0"));
        assert!(!newer("0.1", "0.1.0"));
    }

    #[test]
    fn names_carry_the_checksum() {
        let mut b = b"YBPKxyz".to_vec();
        let sum = checksum(&b);
        b.extend_from_slice(&sum.to_le_bytes());
        assert_eq!(pack_name("s", &b), format!("s.{}.pack", &hex(sum)[..12]));
        assert_eq!(hex(0xab), "00000000000000ab");
    }
}
