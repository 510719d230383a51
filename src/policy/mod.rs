//! Policy files: the model ([`model`]), parsing and merging ([`load`]) and the checks a file must
//! pass before the engine uses it ([`validate`]).
#[cfg(feature = "loader")]
pub mod de;
#[cfg(feature = "loader")]
pub mod figures;
#[cfg(feature = "loader")]
pub mod layers;
#[cfg(feature = "loader")]
pub mod load;
pub mod model;
#[cfg(feature = "loader")]
pub mod periods;
pub mod snapshot;
#[cfg(feature = "loader")]
pub mod validate;

#[cfg(feature = "loader")]
pub use load::{parse, Parsed};
pub use model::*;
