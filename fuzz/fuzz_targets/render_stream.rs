//! Fuzz target `render_stream`: see `entry_points::render_stream` for what it drives and checks.
#![no_main]

#[path = "../entry_points.rs"]
mod entry_points;

libfuzzer_sys::fuzz_target!(|data: &[u8]| entry_points::render_stream(data));
