//! `rawi extract`: speakers and quotes of articles as JSON Lines, JSON or text.
