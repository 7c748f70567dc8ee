//! Fuzz target `text_layout`: see `entry_points::text_layout` for what it drives and checks.
#![no_main]

#[path = "../entry_points.rs"]
mod entry_points;

libfuzzer_sys::fuzz_target!(|data: &[u8]| entry_points::text_layout(data));
