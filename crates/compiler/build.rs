//! Fingerprints the compiler for the bytecode cache (`src/cache.rs`): a hash of
//! every file under `src/`, this crate's manifest and version, and the locked
//! versions of the ruff parser crates and the dependencies that shape the output. Any change to what the compiler could
//! output gives a new fingerprint, so a cache file written by another build is
//! never used. (Edits that change nothing, such as comments, also invalidate the
//! caches: a recompile is cheap, a stale cache is a wrong program.)

use std::path::{Path, PathBuf};

fn main() {
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("manifest dir"));
    let mut files = Vec::new();
    collect(&dir.join("src"), &mut files);
    files.sort();
    let mut h = Fnv::new();
    h.add(std::env::var("CARGO_PKG_VERSION").unwrap_or_default().as_bytes());
    for f in files.iter().chain([&dir.join("Cargo.toml")]) {
        h.add(f.strip_prefix(&dir).unwrap_or(f).to_string_lossy().as_bytes());
        h.add(&std::fs::read(f).unwrap_or_default());
    }
    let lock = dir.join("../../Cargo.lock");
    if let Ok(text) = std::fs::read_to_string(&lock) {
        // The `[[package]]` entries (name, version, checksum) of the parser crates and
        // of the other crates whose behaviour reaches the output (`\N{...}` names,
        // big-int constant folding).
        let deps = ["num-bigint", "num-traits", "unicode_names2"];
        for block in text.split("[[package]]") {
            let name = block.lines().find_map(|l| l.strip_prefix("name = \"")).map(|n| n.trim_end_matches('"'));
            if name.is_some_and(|n| n.starts_with("ruff_") || deps.contains(&n)) {
                h.add(block.as_bytes());
            }
        }
    }
    println!("cargo:rustc-env=FERROPY_COMPILER_HASH={:016x}", h.0);
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.toml");
    println!("cargo:rerun-if-changed={}", lock.display());
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// FNV-1a, 64 bits: stable across Rust releases (std's hashers are not promised to be).
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn add(&mut self, bytes: &[u8]) {
        for &b in bytes.iter().chain(&(bytes.len() as u64).to_le_bytes()) {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}
