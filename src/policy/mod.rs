//! Policy files: the model ([`model`]), parsing and merging ([`load`]) and the checks a file must
//! pass before the engine uses it ([`validate`]).
pub mod de;
pub mod lint;
pub mod load;
pub mod model;
pub mod validate;

pub use load::{parse, Parsed};
pub use model::*;
