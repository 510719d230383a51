//! The built-in policy files, embedded at compile time (data, not I/O). Layers first, then
//! frameworks, then the city files that implement them.

/// The same policies, parsed, validated and written by [`crate::Engine::snapshot`]; what the
/// browser build starts from. Regenerate with `cargo run --bin yibao-snapshot`.
pub const SNAPSHOT: &[u8] = include_bytes!("../policies/builtin.snapshot");

/// `(file name, text)` in load order.
#[cfg(feature = "loader")]
pub const FILES: &[(&str, &str)] = &[
    (
        "policies/national-2007.toml",
        include_str!("../policies/national-2007.toml"),
    ),
    (
        "policies/national-annual.toml",
        include_str!("../policies/national-annual.toml"),
    ),
    (
        "policies/jilin-2008/framework.toml",
        include_str!("../policies/jilin-2008/framework.toml"),
    ),
    (
        "policies/jilin-2016/framework.toml",
        include_str!("../policies/jilin-2016/framework.toml"),
    ),
    (
        "policies/jiaxing-2008/framework.toml",
        include_str!("../policies/jiaxing-2008/framework.toml"),
    ),
    (
        "policies/jiangsu-2007/framework.toml",
        include_str!("../policies/jiangsu-2007/framework.toml"),
    ),
    (
        "policies/jilin-2008/changchun.toml",
        include_str!("../policies/jilin-2008/changchun.toml"),
    ),
    (
        "policies/jiangsu-2007/nantong.toml",
        include_str!("../policies/jiangsu-2007/nantong.toml"),
    ),
    (
        "policies/jilin-2016/annual.toml",
        include_str!("../policies/jilin-2016/annual.toml"),
    ),
    (
        "policies/jiaxing-2008/annual.toml",
        include_str!("../policies/jiaxing-2008/annual.toml"),
    ),
    (
        "policies/jiangsu-2007/nantong-annual.toml",
        include_str!("../policies/jiangsu-2007/nantong-annual.toml"),
    ),
];
