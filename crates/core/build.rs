//! Writes the start-page catalogues (`src/text/<lang>.txt`) without their comments into
//! `OUT_DIR`, where `text::Lang` embeds them (natively all five; the browser app only
//! English's, the others are fetched): the comments are for translators, and every byte of the
//! embedded English one is part of the first load. A comment line becomes an empty line, so the line
//! numbers in parse errors still point into the source file.

use std::{env, fs, path::Path};

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for lang in ["en", "nb", "nn", "uk", "ar"] {
        let source = format!("src/text/{lang}.txt");
        println!("cargo:rerun-if-changed={source}");
        let text = fs::read_to_string(&source).unwrap_or_else(|e| panic!("{source}: {e}"));
        let stripped: String = text
            .lines()
            .map(|line| {
                if line.trim_start().starts_with('#') {
                    "\n".to_string()
                } else {
                    format!("{line}\n")
                }
            })
            .collect();
        fs::write(Path::new(&out).join(format!("{lang}.txt")), stripped)
            .unwrap_or_else(|e| panic!("{out}/{lang}.txt: {e}"));
    }
}
