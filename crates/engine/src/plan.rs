//! Payment plans ("échéancier"): a total spread over N dated instalments that add up exactly.
//! (Stub: being written.)
