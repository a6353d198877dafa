//! The codes of the closed choices (creditor kind, rate period…), one table per enum: the file
//! reader, the file writer, the web form and the result JSON all spell them from here.

/// An enum whose values have stable text codes.
pub trait Coded: Copy + 'static {
    /// Every value, in the order shown to the user.
    const ALL: &'static [Self];
    /// Their codes, in the same order (what an error message lists).
    const CODES: &'static [&'static str];
    fn code(self) -> &'static str;
    fn from_code(code: &str) -> Option<Self>;
}

/// Implements [`Coded`], and the same items as inherent `const`s and `const fn`s, from one
/// table `Enum { Variant => "code", … }`.
macro_rules! coded {
    ($ty:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value, in the order shown to the user.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];
            /// Their codes, in the same order.
            pub const CODES: &'static [&'static str] = &[$($code),+];

            /// The stable code of this value, as files and the result JSON write it.
            pub const fn code(self) -> &'static str {
                match self {
                    $($ty::$variant => $code),+
                }
            }

            /// The value of `code`, if it is one.
            pub fn from_code(code: &str) -> Option<$ty> {
                match code {
                    $($code => Some($ty::$variant),)+
                    _ => None,
                }
            }
        }

        impl $crate::codes::Coded for $ty {
            const ALL: &'static [$ty] = $ty::ALL;
            const CODES: &'static [&'static str] = $ty::CODES;
            fn code(self) -> &'static str {
                $ty::code(self)
            }
            fn from_code(code: &str) -> Option<$ty> {
                $ty::from_code(code)
            }
        }
    };
}
pub(crate) use coded;
