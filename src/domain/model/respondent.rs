//! Who answered: a respondent token, made once for an assessment and carried by its links and
//! files, so a team view tells people apart by who they are, not by what they answered.
//!
//! Two people who give the same answers are two respondents; one person whose link is pasted
//! twice, under a name and without one, is one. A token is random (it names nobody and says
//! nothing about the answers); the browser draws it when an assessment is made or first shared
//! (`browser::random_token_bytes`). Assessments made before tokens existed have none: their
//! links and files count as they always did (docs/product.md §7).

use std::fmt;

/// How many bytes a respondent token has: 64 random bits, so two of the 500 respondents a team
/// view holds share one with a chance below one in 10¹³.
pub const RESPONDENT_TOKEN_BYTES: usize = 8;

/// A respondent token: random bytes that stay with an assessment (its record, its file, its
/// share links) and make it one respondent in a team view, whatever name it is added under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RespondentToken([u8; RESPONDENT_TOKEN_BYTES]);

impl RespondentToken {
    /// The token of these bytes.
    pub fn from_bytes(bytes: [u8; RESPONDENT_TOKEN_BYTES]) -> RespondentToken {
        RespondentToken(bytes)
    }

    /// Its bytes, as a share link stores them.
    pub fn bytes(&self) -> [u8; RESPONDENT_TOKEN_BYTES] {
        self.0
    }

    /// Reads a token written as [`RespondentToken`]'s `Display` does: exactly 16 hexadecimal
    /// digits (either case). `None` for anything else.
    pub fn parse(text: &str) -> Option<RespondentToken> {
        let digits = text.as_bytes();
        if digits.len() != RESPONDENT_TOKEN_BYTES * 2 {
            return None;
        }
        let mut bytes = [0; RESPONDENT_TOKEN_BYTES];
        for (byte, pair) in bytes.iter_mut().zip(digits.chunks_exact(2)) {
            let high = char::from(pair[0]).to_digit(16)?;
            let low = char::from(pair[1]).to_digit(16)?;
            *byte = u8::try_from(high * 16 + low).ok()?;
        }
        Some(RespondentToken(bytes))
    }
}

/// Sixteen lowercase hexadecimal digits (`3f09a1c4e87b2d56`), as files and records keep it.
impl fmt::Display for RespondentToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_reads_back_as_written_in_either_case() {
        let token = RespondentToken::from_bytes([0x3f, 0x09, 0xa1, 0xc4, 0xe8, 0x7b, 0x2d, 0x56]);
        assert_eq!(token.to_string(), "3f09a1c4e87b2d56");
        assert_eq!(RespondentToken::parse("3f09a1c4e87b2d56"), Some(token));
        assert_eq!(RespondentToken::parse("3F09A1C4E87B2D56"), Some(token));
        assert_eq!(
            token.bytes(),
            [0x3f, 0x09, 0xa1, 0xc4, 0xe8, 0x7b, 0x2d, 0x56]
        );
    }

    #[test]
    fn anything_but_sixteen_hexadecimal_digits_is_not_a_token() {
        for bad in [
            "",
            "3f09a1c4e87b2d5",
            "3f09a1c4e87b2d567",
            "3f09a1c4e87b2d5g",
            "+f09a1c4e87b2d56",
            " 3f09a1c4e87b2d5",
            "3f09a1c4e87b2d5é",
        ] {
            assert_eq!(RespondentToken::parse(bad), None, "{bad:?}");
        }
    }
}
