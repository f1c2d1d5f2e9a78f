//! One-time codes from an authenticator app (TOTP, RFC 6238): HMAC-SHA-1 over the 30-second
//! time step, six digits, the secret shared as base32 (RFC 4648). Time is the application's one
//! clock, so the tests can compute the code a user's app shows.

use hmac013::{Hmac, KeyInit, Mac};

const STEP_SECS: i64 = 30;
const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// Base32 without padding.
pub fn base32(bytes: &[u8]) -> String {
    let mut out = String::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for b in bytes {
        buffer = (buffer << 8) | u32::from(*b);
        bits += 8;
        while bits >= 5 {
            out.push(ALPHABET[((buffer >> (bits - 5)) & 31) as usize] as char);
            bits -= 5;
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// Reads base32 (spaces, padding and case ignored); `None` for anything else.
pub fn from_base32(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in text.chars().filter(|c| !c.is_whitespace() && *c != '=') {
        let v = ALPHABET.iter().position(|a| *a as char == c.to_ascii_uppercase())? as u32;
        buffer = (buffer << 5) | v;
        bits += 5;
        if bits >= 8 {
            out.push(((buffer >> (bits - 8)) & 0xff) as u8);
            bits -= 8;
        }
    }
    Some(out)
}

/// A new secret: 20 random bytes, as base32.
pub fn new_secret() -> String {
    let bytes: [u8; 20] = rand::random();
    base32(&bytes)
}

/// The time step of a moment (seconds since 1970).
pub fn step_of(unix: i64) -> i64 {
    unix.div_euclid(STEP_SECS)
}

/// The six-digit code for `step`.
pub fn code(secret: &[u8], step: i64) -> u32 {
    let mut mac = <Hmac<sha1::Sha1> as KeyInit>::new_from_slice(secret).expect("HMAC takes a key of any length");
    mac.update(&step.to_be_bytes());
    let h = mac.finalize().into_bytes();
    let at = usize::from(h[h.len() - 1] & 0x0f);
    let n = u32::from_be_bytes([h[at] & 0x7f, h[at + 1], h[at + 2], h[at + 3]]);
    n % 1_000_000
}

/// The code an app shows now for the base32 `secret` (for the tests, and a user's first check).
pub fn code_now(secret: &str) -> Option<String> {
    let bytes = from_base32(secret)?;
    Some(format!("{:06}", code(&bytes, step_of(crate::platform::clock::now().unix_timestamp()))))
}

/// The step a typed code matches, now or one step either side (a clock a little off), and only
/// a step after `last_used` (a code is taken once); `None` otherwise.
pub fn check(secret: &str, typed: &str, last_used: i64) -> Option<i64> {
    let typed: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if typed.len() != 6 || !typed.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let bytes = from_base32(secret)?;
    let now = step_of(crate::platform::clock::now().unix_timestamp());
    (now - 1..=now + 1).filter(|s| *s > last_used).find(|s| format!("{:06}", code(&bytes, *s)) == typed)
}

/// The address an authenticator app reads the secret from (also as a QR code elsewhere).
pub fn uri(secret: &str, account: &str) -> String {
    let enc = |s: &str| form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>().replace('+', "%20");
    format!("otpauth://totp/Beredd:{}?secret={secret}&issuer=Beredd&algorithm=SHA1&digits=6&period=30", enc(account))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_codes_of_rfc_6238_with_its_known_secret() {
        // RFC 6238, appendix B (SHA-1): the eight-digit codes' last six digits.
        let secret = b"12345678901234567890";
        assert_eq!(code(secret, step_of(59)), 287082);
        assert_eq!(code(secret, step_of(1111111109)), 81804);
        assert_eq!(code(secret, step_of(1234567890)), 5924);
        assert_eq!(code(secret, step_of(2000000000)), 279037);
    }

    #[test]
    fn base32_goes_both_ways() {
        assert_eq!(base32(b"12345678901234567890"), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assert_eq!(from_base32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq").unwrap(), b"12345678901234567890");
        assert_eq!(from_base32("1"), None);
        let s = new_secret();
        assert_eq!(from_base32(&s).unwrap().len(), 20);
    }
}
