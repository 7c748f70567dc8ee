//! Fuzz target `state_merge`: see `entry_points::state_merge` for what it drives and checks.
#![no_main]

#[path = "../entry_points.rs"]
mod entry_points;

libfuzzer_sys::fuzz_target!(|data: &[u8]| entry_points::state_merge(data));
