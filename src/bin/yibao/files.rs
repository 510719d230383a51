//! The files `yibao check` reads: each argument is a policy file or a folder, and a folder stands
//! for every `*.toml` file under it (sub-folders included, in name order). Symbolic links to
//! folders are not followed, so a link loop cannot make the walk endless.

use std::path::{Path, PathBuf};

use yibao::{Error, ErrorKind};

/// How deep below a given folder the walk goes; deeper folders are reported, not skipped silently.
const MAX_DEPTH: usize = 16;

/// The policy files `args` name, expanding folders; an unreadable path or a folder without any
/// `.toml` file is an error naming it.
pub fn expand(args: &[String]) -> Result<Vec<String>, Error> {
    let mut out = Vec::new();
    for a in args {
        let p = Path::new(a);
        if p.is_dir() {
            let before = out.len();
            walk(p, 0, &mut out)?;
            if out.len() == before {
                return Err(Error::new(
                    ErrorKind::InvalidInput,
                    format!("文件夹 {a} 中没有政策文件（*.toml）"),
                    format!("no policy files (*.toml) in the folder {a}"),
                )
                .file(a));
            }
        } else {
            out.push(a.clone());
        }
    }
    Ok(out)
}

fn unreadable(p: &Path, e: std::io::Error) -> Error {
    let d = p.display();
    Error::new(
        ErrorKind::InvalidInput,
        format!("无法读取文件夹 {d}：{e}"),
        format!("cannot read the folder {d}: {e}"),
    )
    .file(d.to_string())
}

fn walk(dir: &Path, depth: usize, out: &mut Vec<String>) -> Result<(), Error> {
    if depth > MAX_DEPTH {
        let d = dir.display();
        return Err(Error::new(
            ErrorKind::InvalidInput,
            format!("文件夹 {d} 嵌套超过 {MAX_DEPTH} 层"),
            format!("the folder {d} is nested more than {MAX_DEPTH} levels deep"),
        )
        .file(d.to_string()));
    }
    let mut entries: Vec<(PathBuf, bool)> = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| unreadable(dir, e))? {
        let entry = entry.map_err(|e| unreadable(dir, e))?;
        // file_type() does not follow symbolic links: a link to a folder is neither walked nor read
        let ty = entry.file_type().map_err(|e| unreadable(dir, e))?;
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        if ty.is_dir() {
            entries.push((path, true));
        } else if path.extension().is_some_and(|x| x == "toml") && path.is_file() {
            entries.push((path, false));
        }
    }
    entries.sort();
    for (path, is_dir) in entries {
        if is_dir {
            walk(&path, depth + 1, out)?;
        } else {
            out.push(path.to_string_lossy().into_owned());
        }
    }
    Ok(())
}
