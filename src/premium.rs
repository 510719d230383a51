//! Premiums.
