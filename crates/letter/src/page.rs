//! The A4 page every letter is laid out on, shared by the PDF and the DOCX, in tenths of a
//! millimetre: the margins, the sender block, and the address placed for a DL window envelope
//! with its window on the right (about 100 × 45 mm at 100–200 mm × 45–95 mm once folded).
//! Each renderer converts to its own unit.

/// Left and right margins.
pub const SIDE_MARGIN: u16 = 200;
/// Top of the sender block on the first page.
pub const SENDER_TOP: u16 = 150;
/// Top of the text on the pages after the first.
pub const NEXT_PAGE_TOP: u16 = 200;
/// No text below this distance from the bottom edge (the footer goes there).
pub const BOTTOM_MARGIN: u16 = 250;
/// Baseline of the footer ("Page N / M"), from the bottom edge.
pub const FOOTER_FROM_BOTTOM: u16 = 120;
/// Width of the sender block.
pub const SENDER_WIDTH: u16 = 850;
/// Left edge of the recipient's address.
pub const WINDOW_X: u16 = 1100;
/// Top of the recipient's address.
pub const WINDOW_TOP: u16 = 500;
/// Widest the recipient's address may be (to the right margin of a 210 mm sheet).
pub const WINDOW_WIDTH: u16 = 2100 - SIDE_MARGIN - WINDOW_X;
/// The place and date start below the window and the first fold (99 mm).
pub const AFTER_WINDOW: u16 = 990;
