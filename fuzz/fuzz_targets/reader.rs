//! Fuzz target `reader`: see `entry_points::reader` for what it drives and checks.
#![no_main]

#[path = "../entry_points.rs"]
mod entry_points;

libfuzzer_sys::fuzz_target!(|data: &[u8]| entry_points::reader(data));
