//! What the benches share: where the shared corpus is.

use std::path::{Path, PathBuf};

/// `shared/corpus/bulk.jsonl`: under `$RAWI_SHARED`, else in the first `shared/` folder beside
/// the repository or one of its parents; `None` when it is not there.
pub fn bulk() -> Option<PathBuf> {
    let shared = std::env::var_os("RAWI_SHARED")
        .map(PathBuf::from)
        .or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .ancestors()
                .map(|d| d.join("shared"))
                .find(|d| d.join("corpus").is_dir())
        })?;
    Some(shared.join("corpus/bulk.jsonl")).filter(|p| p.is_file())
}
