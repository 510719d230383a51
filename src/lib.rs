//! yibao — 医保测算: premiums and out-of-pocket costs under China's resident basic medical
//! insurance, computed from policy files in which every figure cites its document and clause.
//!
//! The core (everything but `wasm` and the `yibao` binary) is pure: no I/O, no wasm or JS types,
//! money as `rust_decimal::Decimal`. See ARCHITECTURE.md for the map.
#![forbid(unsafe_code)]
// The figures-only build (the widget's first module, without the `explain` feature) compiles the
// settlement and its typed trace records but not the renderer that words them: what only the
// renderer reads is unused there. The default build, which has every path, reports unused code.
#![cfg_attr(
    not(feature = "explain"),
    allow(dead_code, unused_imports, unused_variables)
)]

pub mod api;
#[cfg(feature = "loader")]
pub mod builtin;
pub mod date;
pub mod engine;
pub mod error;
pub mod household;
#[cfg(feature = "loader")]
pub mod lint;
pub mod money;
pub mod policy;

mod claim;
mod continuity;
mod decision;
mod diff;
mod explain;
mod form;
mod layers;
mod lines;
mod premium;
mod timeline;
mod who;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use engine::Engine;
pub use error::{Error, ErrorKind};
