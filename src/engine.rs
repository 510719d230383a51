//! The engine: loaded policies and the entry points (catalogue, eligibility, premium, claim,
//! year, compare, policy loading). Everything here is pure.
use crate::api::*;
use crate::error::{Error, ErrorKind};

/// Holds the loaded policies. Cheap to query; build once with [`Engine::builtin`].
#[derive(Clone, Debug, Default)]
pub struct Engine {}

fn pending() -> Error {
    Error::new(ErrorKind::InvalidInput, "尚未实现", "not implemented yet")
}

impl Engine {
    pub fn builtin() -> Result<Engine, Vec<Error>> {
        Ok(Engine {})
    }
    pub fn add_policy(&mut self, _file: &str, _text: &str) -> Result<LoadedPolicy, Vec<Error>> {
        Err(vec![pending()])
    }
    pub fn catalogue(&self) -> Catalogue {
        Catalogue { schemes: vec![] }
    }
    pub fn eligibility(&self, _p: &PersonInput) -> Result<EligibilityResult, Error> {
        Err(pending())
    }
    pub fn premium(&self, _r: &PremiumRequest) -> Result<PremiumResult, Error> {
        Err(pending())
    }
    pub fn claim(&self, _r: &ClaimRequest) -> Result<ClaimResult, Error> {
        Err(pending())
    }
    pub fn year(&self, _r: &YearRequest) -> Result<YearResult, Error> {
        Err(pending())
    }
    pub fn compare(&self, _r: &CompareRequest) -> Result<CompareResult, Error> {
        Err(pending())
    }
}
