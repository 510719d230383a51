//! The built-in policy files, embedded at compile time (data, not I/O) in the CLI, the tests and
//! the full wasm module. Layers first, then frameworks, then the city files that implement them.

/// `(file name, text)` in load order. `./build.sh` writes each scheme's pack from them
/// (`yibao pack --builtin`); the browser fetches the pack of the scheme it shows.
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
